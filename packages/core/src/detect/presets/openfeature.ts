// OpenFeature: the server SDK (and its former name js-sdk), the web SDK and the React SDK.
// From @openfeature/server-sdk 1.23, web-sdk 1.10, react-sdk 1.4, js-sdk 1.6 type declarations.
import { HOOK_CHECK, sameCheck, type SdkPreset } from "./types.js";

const EVALUATIONS = [
  "getBooleanValue",
  "getBooleanDetails",
  "getStringValue",
  "getStringDetails",
  "getNumberValue",
  "getNumberDetails",
  "getObjectValue",
  "getObjectDetails",
];

const REACT_HOOKS = [
  "useFlag",
  "useSuspenseFlag",
  "useBooleanFlagValue",
  "useBooleanFlagDetails",
  "useStringFlagValue",
  "useStringFlagDetails",
  "useNumberFlagValue",
  "useNumberFlagDetails",
  "useObjectFlagValue",
  "useObjectFlagDetails",
];

const SERVER = { exports: { OpenFeature: "serverApi" }, types: { Client: "serverClient", OpenFeatureAPI: "serverApi" } };

export const openfeature: SdkPreset = {
  name: "openfeature",
  tokens: ["@openfeature/"],
  packages: [
    { module: "@openfeature/server-sdk", ...SERVER },
    { module: "@openfeature/js-sdk", ...SERVER },
    { module: "@openfeature/web-sdk", exports: { OpenFeature: "webApi" }, types: { Client: "webClient", OpenFeatureAPI: "webApi" } },
    {
      module: "@openfeature/react-sdk",
      exports: {
        OpenFeature: "webApi",
        ...Object.fromEntries(REACT_HOOKS.map((hook) => [hook, "flagHook"])),
        useOpenFeatureClient: "clientHook",
        FeatureFlag: "featureFlagComponent",
      },
      types: { Client: "webClient", OpenFeatureAPI: "webApi" },
    },
  ],
  kinds: {
    serverApi: { methods: { getClient: "serverClient" } },
    // getBooleanValue(flagKey, defaultValue, context?, options?)
    serverClient: { methods: sameCheck(EVALUATIONS, { key: 0, context: 2 }) },
    webApi: { methods: { getClient: "webClient" } },
    // getBooleanValue(flagKey, defaultValue, options?): the context is set on the API, not per call.
    webClient: { methods: sameCheck(EVALUATIONS, { key: 0, context: null }) },
    flagHook: { call: HOOK_CHECK },
    clientHook: { call: "webClient" },
    featureFlagComponent: { gate: { attribute: "flagKey" } },
  },
};
