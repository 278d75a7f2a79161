// DevCycle: the Node server SDK (local and cloud bucketing), the browser SDK and its React bindings.
// From @devcycle/nodejs-server-sdk 1.55, @devcycle/js-client-sdk 1.47 and
// @devcycle/react-client-sdk 1.39 type declarations.
import { HOOK_CHECK, sameCheck, type SdkPreset } from "./types.js";

// variable(user, key, defaultValue), variableValue(user, key, defaultValue): the user is per call.
const SERVER_CHECKS = sameCheck(["variable", "variableValue"], { key: 1, context: 0 });

export const devcycle: SdkPreset = {
  name: "devcycle",
  tokens: ["devcycle"],
  packages: [
    {
      module: "@devcycle/nodejs-server-sdk",
      exports: {
        initializeDevCycle: "serverInit",
        DevCycleClient: "serverClass",
        DevCycleCloudClient: "serverClass",
      },
      types: { DevCycleClient: "serverClient", DevCycleCloudClient: "serverClient" },
    },
    { module: "@devcycle/js-client-sdk", exports: { initializeDevCycle: "browserInit" }, types: { DevCycleClient: "browserClient" } },
    {
      module: "@devcycle/react-client-sdk",
      exports: { useVariableValue: "flagHook", useVariable: "flagHook", useDevCycleClient: "clientHook" },
    },
  ],
  kinds: {
    serverInit: { call: "serverClient" },
    serverClass: { construct: "serverClient" },
    // initializeDevCycle(key).onClientInitialized() resolves to the same client.
    serverClient: { methods: { ...SERVER_CHECKS, onClientInitialized: "serverClient" } },
    browserInit: { call: "browserClient" },
    // variable(key, defaultValue): the client was identified with its user up front.
    browserClient: {
      methods: { ...sameCheck(["variable", "variableValue"], { key: 0, context: null }), onClientInitialized: "browserClient" },
    },
    flagHook: { call: HOOK_CHECK },
    clientHook: { call: "browserClient" },
  },
};
