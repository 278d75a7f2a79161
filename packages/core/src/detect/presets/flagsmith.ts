// Flagsmith: the JavaScript client (and its React bindings) and the Node SDK.
// From flagsmith 10.0 and flagsmith-nodejs 8.1 type declarations.
import { sameCheck, type SdkPreset } from "./types.js";

const CLIENT = { exports: { default: "client", createFlagsmithInstance: "clientFactory" }, types: { IFlagsmith: "client" } };
const FLAGS_CHECKS = ["isFeatureEnabled", "getFeatureValue", "getFlag"];

export const flagsmith: SdkPreset = {
  name: "flagsmith",
  tokens: ["flagsmith"],
  packages: [
    { module: "flagsmith", ...CLIENT },
    { module: "flagsmith/isomorphic", ...CLIENT },
    { module: "flagsmith/react", exports: { useFlags: "flagsHook", useFlagsmith: "clientHook" } },
    // The same client published under the vendor's scope.
    { module: "@flagsmith/flagsmith", ...CLIENT },
    { module: "@flagsmith/flagsmith/isomorphic", ...CLIENT },
    { module: "@flagsmith/flagsmith/react", exports: { useFlags: "flagsHook", useFlagsmith: "clientHook" } },
    { module: "flagsmith-nodejs", exports: { Flagsmith: "nodeClass" }, types: { Flagsmith: "nodeClient", Flags: "flags" } },
  ],
  kinds: {
    clientFactory: { call: "client" },
    // hasFeature(key), getValue(key): the identity is set on the client (identify).
    client: { methods: sameCheck(["hasFeature", "getValue"], { key: 0, context: null }) },
    // useFlags(["font_size", "hero"], traits?): each listed key is read.
    flagsHook: { call: { key: 0, context: null, list: true, hook: true } },
    clientHook: { call: "client" },
    nodeClass: { construct: "nodeClient" },
    nodeClient: { methods: { getEnvironmentFlags: "environmentFlags", getIdentityFlags: "identityFlags" } },
    // Flags of the environment know no user; flags of an identity were evaluated for one.
    environmentFlags: { methods: sameCheck(FLAGS_CHECKS, { key: 0, context: false }) },
    identityFlags: { methods: sameCheck(FLAGS_CHECKS, { key: 0, context: true }) },
    flags: { methods: sameCheck(FLAGS_CHECKS, { key: 0, context: null }) },
  },
};
