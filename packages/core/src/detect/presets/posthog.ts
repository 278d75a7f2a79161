// PostHog: the browser SDK (with its React bindings, also published as @posthog/react) and the Node SDK.
// From posthog-js 1.449, @posthog/react 1.11 and posthog-node 5.70 type declarations.
import { HOOK_CHECK, sameCheck, type SdkPreset } from "./types.js";

const FLAG_METHODS = ["isFeatureEnabled", "getFeatureFlag", "getFeatureFlagPayload", "getFeatureFlagResult"];

const REACT = {
  exports: {
    useFeatureFlagEnabled: "flagHook",
    useFeatureFlagPayload: "flagHook",
    useFeatureFlagResult: "flagHook",
    useFeatureFlagVariantKey: "flagHook",
    usePostHog: "clientHook",
    PostHogFeature: "featureComponent",
  },
  types: { PostHog: "browserClient" },
};

export const posthog: SdkPreset = {
  name: "posthog",
  tokens: ["posthog"],
  packages: [
    { module: "posthog-js", exports: { default: "browserClient", posthog: "browserClient" }, types: { PostHog: "browserClient" } },
    { module: "posthog-js/react", ...REACT },
    { module: "@posthog/react", ...REACT },
    {
      module: "posthog-node",
      exports: { PostHog: "nodeClass" },
      types: { PostHog: "nodeClient", IPostHog: "nodeClient", FeatureFlagEvaluations: "evaluations" },
    },
  ],
  kinds: {
    // isFeatureEnabled(key, options?): the browser client knows its user.
    browserClient: { methods: sameCheck(FLAG_METHODS, { key: 0, context: null }) },
    flagHook: { call: HOOK_CHECK },
    clientHook: { call: "browserClient" },
    featureComponent: { gate: { attribute: "flag" } },
    nodeClass: { construct: "nodeClient" },
    // isFeatureEnabled(key, distinctId, options?)
    nodeClient: { methods: { ...sameCheck(FLAG_METHODS, { key: 0, context: 1 }), evaluateFlags: "evaluations" } },
    // evaluateFlags(distinctId?) snapshot: isEnabled(key), getFlag(key).
    evaluations: { methods: sameCheck(["isEnabled", "getFlag", "getFlagPayload"], { key: 0, context: null }) },
  },
};
