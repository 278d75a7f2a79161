// ConfigCat: the JavaScript and Node SDKs (legacy packages and the unified @configcat/sdk) and React.
// Every ConfigCat SDK takes the user per call, getValueAsync(key, defaultValue, user?), or falls back
// to the client's defaultUser. On servers the third argument is the context; in browsers (and with
// React's provider) a default user is the norm, so there the context is not known from the call.
// From configcat-js 9.6, configcat-node 11.4, @configcat/sdk 1.1 and configcat-react 5.1 type declarations.
import { sameCheck, type SdkPreset } from "./types.js";

const SERVER = {
  exports: { getClient: "serverFactory" },
  types: { IConfigCatClient: "serverClient", IConfigCatClientSnapshot: "serverSnapshot" },
};
const BROWSER = {
  exports: { getClient: "browserFactory" },
  types: { IConfigCatClient: "browserClient", IConfigCatClientSnapshot: "browserSnapshot" },
};

export const configcat: SdkPreset = {
  name: "configcat",
  tokens: ["configcat"],
  packages: [
    { module: "configcat-node", ...SERVER },
    { module: "@configcat/sdk", subpaths: true, ...SERVER },
    { module: "configcat-js", ...BROWSER, exports: { ...BROWSER.exports, default: "browserFactory" } },
    { module: "@configcat/sdk/browser", ...BROWSER },
    { module: "@configcat/sdk/chromium-extension", ...BROWSER },
    {
      module: "configcat-react",
      exports: { useFeatureFlag: "flagHook", useConfigCatClient: "clientHook" },
      types: BROWSER.types,
    },
  ],
  kinds: {
    serverFactory: { call: "serverClient" },
    serverClient: {
      methods: { ...sameCheck(["getValueAsync", "getValueDetailsAsync"], { key: 0, context: 2 }), snapshot: "serverSnapshot" },
    },
    serverSnapshot: { methods: sameCheck(["getValue", "getValueDetails"], { key: 0, context: 2 }) },
    browserFactory: { call: "browserClient" },
    browserClient: {
      methods: { ...sameCheck(["getValueAsync", "getValueDetailsAsync"], { key: 0, context: null }), snapshot: "browserSnapshot" },
    },
    browserSnapshot: { methods: sameCheck(["getValue", "getValueDetails"], { key: 0, context: null }) },
    // useFeatureFlag(key, defaultValue, user?)
    flagHook: { call: { key: 0, context: null, hook: true } },
    clientHook: { call: "browserClient" },
  },
};
