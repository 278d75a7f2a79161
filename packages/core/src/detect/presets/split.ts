// Split: the JavaScript SDK (Node and browser from one package), the browser-only SDK and React.
// From @splitsoftware/splitio 11.11 (splitio-commons types), splitio-browserjs 1.7 and splitio-react 2.6.
import { sameCheck, type Evaluation, type SdkPreset } from "./types.js";

const BROWSER_TREATMENT: Evaluation = { key: 0, context: null };
const BROWSER_TREATMENTS: Evaluation = { key: 0, context: null, list: true };

const BROWSER_CHECKS = {
  ...sameCheck(["getTreatment", "getTreatmentWithConfig"], BROWSER_TREATMENT),
  ...sameCheck(["getTreatments", "getTreatmentsWithConfig"], BROWSER_TREATMENTS),
};

// One package serves both: getTreatment(key, featureFlagName, attributes?) on a server,
// getTreatment(featureFlagName, attributes?) in a browser; the arguments tell them apart.
const ISOMORPHIC_CHECKS = {
  ...sameCheck(["getTreatment", "getTreatmentWithConfig"], { key: 1, context: 0, clientSide: BROWSER_TREATMENT }),
  ...sameCheck(["getTreatments", "getTreatmentsWithConfig"], {
    key: 1,
    context: 0,
    list: true,
    clientSide: BROWSER_TREATMENTS,
  }),
};

const SERVER_CHECKS = {
  ...sameCheck(["getTreatment", "getTreatmentWithConfig"], { key: 1, context: 0 }),
  ...sameCheck(["getTreatments", "getTreatmentsWithConfig"], { key: 1, context: 0, list: true }),
};

const BROWSER = { exports: { SplitFactory: "browserFactory" } };

export const split: SdkPreset = {
  name: "split",
  tokens: ["@splitsoftware/"],
  packages: [
    { module: "@splitsoftware/splitio", exports: { SplitFactory: "factory" } },
    { module: "@splitsoftware/splitio/client", ...BROWSER },
    { module: "@splitsoftware/splitio-browserjs", ...BROWSER },
    {
      module: "@splitsoftware/splitio-react",
      exports: {
        SplitFactory: "browserFactory",
        useTreatment: "treatmentHook",
        useTreatmentWithConfig: "treatmentHook",
        useTreatments: "treatmentsHook",
        useTreatmentsWithConfig: "treatmentsHook",
        useSplitTreatments: "treatmentsHook",
        useSplitClient: "clientHook",
        SplitTreatments: "treatmentsComponent",
      },
    },
  ],
  // The SDK declares its types in a global namespace: (client: SplitIO.IClient).
  globalTypes: {
    "SplitIO.IClient": "serverClient",
    "SplitIO.IAsyncClient": "serverClient",
    "SplitIO.IBrowserClient": "browserClient",
    "SplitIO.IBrowserAsyncClient": "browserClient",
  },
  kinds: {
    factory: { call: "sdk" },
    sdk: { methods: { client: "isomorphicClient" } },
    isomorphicClient: { methods: ISOMORPHIC_CHECKS },
    serverClient: { methods: SERVER_CHECKS },
    browserFactory: { call: "browserSdk" },
    browserSdk: { methods: { client: "browserClient" } },
    browserClient: { methods: BROWSER_CHECKS },
    // useTreatment({ name: "x" }), useTreatments({ names: ["x", "y"] })
    treatmentHook: { call: { key: 0, context: null, property: "name", hook: true } },
    treatmentsHook: { call: { key: 0, context: null, property: "names", list: true, hook: true } },
    clientHook: { call: "clientContext" },
    clientContext: { properties: { client: "browserClient" } },
    treatmentsComponent: { gate: { attribute: "names", list: true } },
  },
};
