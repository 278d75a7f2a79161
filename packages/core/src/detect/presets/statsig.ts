// Statsig: the Node server SDKs (statsig-node, @statsig/statsig-node-core), the browser client and React.
// Feature gates and experiments are flags; dynamic configs, layers and parameter stores are configuration.
// From statsig-node 6.5, @statsig/statsig-node-core, @statsig/js-client 3.33, @statsig/react-bindings 3.33.
import { HOOK_CHECK, sameCheck, type SdkPreset } from "./types.js";

// checkGate(user, gateName), getExperiment(user, experimentName)
const LEGACY_SERVER_CHECKS = sameCheck(
  [
    "checkGate",
    "checkGateSync",
    "checkGateWithExposureLoggingDisabled",
    "checkGateWithExposureLoggingDisabledSync",
    "getFeatureGate",
    "getFeatureGateSync",
    "getFeatureGateWithExposureLoggingDisabled",
    "getFeatureGateWithExposureLoggingDisabledSync",
    "getExperiment",
    "getExperimentSync",
    "getExperimentWithExposureLoggingDisabled",
    "getExperimentWithExposureLoggingDisabledSync",
  ],
  { key: 1, context: 0 },
);

// checkGate(name, options?): the client was created for one user.
const CLIENT_CHECKS = sameCheck(["checkGate", "getFeatureGate", "getExperiment"], { key: 0, context: null });

export const statsig: SdkPreset = {
  name: "statsig",
  tokens: ["statsig"],
  packages: [
    {
      module: "statsig-node",
      exports: { default: "legacyServer", Statsig: "legacyServer", StatsigServer: "legacyServerClass" },
      types: { StatsigServer: "legacyServer" },
    },
    { module: "@statsig/statsig-node-core", exports: { Statsig: "serverClass" }, types: { Statsig: "server" } },
    { module: "@statsig/js-client", exports: { StatsigClient: "clientClass" }, types: { StatsigClient: "client" } },
    {
      module: "@statsig/react-bindings",
      exports: {
        useGateValue: "flagHook",
        useFeatureGate: "flagHook",
        useExperiment: "flagHook",
        useStatsigClient: "clientHook",
        StatsigClient: "clientClass",
      },
      types: { StatsigClient: "client" },
    },
  ],
  kinds: {
    legacyServer: { methods: LEGACY_SERVER_CHECKS },
    legacyServerClass: { construct: "legacyServer" },
    serverClass: { construct: "server", methods: { shared: "server", newShared: "server" } },
    server: { methods: sameCheck(["checkGate", "getFeatureGate", "getExperiment"], { key: 1, context: 0 }) },
    clientClass: { construct: "client", methods: { instance: "client" } },
    client: { methods: CLIENT_CHECKS },
    flagHook: { call: HOOK_CHECK },
    // useStatsigClient() hands out the client and its methods: { client, checkGate, … }
    clientHook: { call: "hookResult" },
    hookResult: { methods: CLIENT_CHECKS, properties: { client: "client" } },
  },
};
