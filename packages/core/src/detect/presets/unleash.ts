// Unleash: the Node client, the frontend (proxy) client and its React bindings.
// From unleash-client 6.12, unleash-proxy-client 3.8 and @unleash/proxy-client-react 5.1 type declarations.
import { HOOK_CHECK, sameCheck, type SdkPreset } from "./types.js";

// isEnabled(name, context?, fallback?), getVariant(name, context?, fallbackVariant?)
const SERVER_CHECKS = sameCheck(["isEnabled", "getVariant", "forceGetVariant"], { key: 0, context: 1 });

export const unleash: SdkPreset = {
  name: "unleash",
  tokens: ["unleash"],
  packages: [
    {
      module: "unleash-client",
      exports: {
        initialize: "serverInit",
        startUnleash: "serverInit",
        Unleash: "serverClass",
        isEnabled: "isEnabledFunction",
        getVariant: "getVariantFunction",
        forceGetVariant: "getVariantFunction",
      },
      // Strategy is exported too: its isEnabled(parameters, context) is not a flag check.
      types: { Unleash: "serverClient" },
    },
    { module: "unleash-proxy-client", exports: { UnleashClient: "frontendClass" }, types: { UnleashClient: "frontendClient" } },
    {
      module: "@unleash/proxy-client-react",
      exports: {
        useFlag: "flagHook",
        useVariant: "flagHook",
        useUnleashClient: "clientHook",
        UnleashClient: "frontendClass",
      },
      types: { UnleashClient: "frontendClient" },
    },
  ],
  kinds: {
    serverInit: { call: "serverClient" },
    serverClass: { construct: "serverClient" },
    serverClient: { methods: SERVER_CHECKS },
    isEnabledFunction: { call: { key: 0, context: 1 } },
    getVariantFunction: { call: { key: 0, context: 1 } },
    frontendClass: { construct: "frontendClient" },
    // isEnabled(toggleName): the context is set on the client (updateContext).
    frontendClient: { methods: sameCheck(["isEnabled", "getVariant"], { key: 0, context: null }) },
    flagHook: { call: HOOK_CHECK },
    clientHook: { call: "frontendClient" },
  },
};
