// GrowthBook: the JavaScript SDK (single-user GrowthBook, multi-user GrowthBookClient) and React.
// From @growthbook/growthbook 1.8 and @growthbook/growthbook-react 1.8 type declarations.
import { HOOK_CHECK, sameCheck, type SdkPreset } from "./types.js";

export const growthbook: SdkPreset = {
  name: "growthbook",
  tokens: ["@growthbook/"],
  packages: [
    {
      module: "@growthbook/growthbook",
      exports: { GrowthBook: "growthBookClass", GrowthBookClient: "multiUserClass", GrowthBookMultiUser: "multiUserClass" },
      types: { GrowthBook: "growthBook", GrowthBookClient: "multiUser", UserScopedGrowthBook: "userScoped" },
    },
    {
      module: "@growthbook/growthbook-react",
      exports: {
        GrowthBook: "growthBookClass",
        useFeature: "flagHook",
        useFeatureIsOn: "flagHook",
        useFeatureValue: "flagHook",
        useGrowthBook: "growthBookHook",
        IfFeatureEnabled: "featureComponent",
        FeatureString: "featureComponent",
      },
      types: { GrowthBook: "growthBook" },
    },
  ],
  kinds: {
    growthBookClass: { construct: "growthBook" },
    // isOn(key), getFeatureValue(key, defaultValue): attributes are set on the instance.
    growthBook: {
      methods: sameCheck(["isOn", "isOff", "getFeatureValue", "evalFeature", "feature"], { key: 0, context: null }),
    },
    multiUserClass: { construct: "multiUser" },
    // isOn(key, userContext), getFeatureValue(key, defaultValue, userContext)
    multiUser: {
      methods: {
        ...sameCheck(["isOn", "isOff", "evalFeature"], { key: 0, context: 1 }),
        getFeatureValue: { key: 0, context: 2 },
        createScopedInstance: "userScoped",
      },
    },
    // createScopedInstance(userContext) bound the user before any check.
    userScoped: { methods: sameCheck(["isOn", "isOff", "getFeatureValue", "evalFeature"], { key: 0, context: true }) },
    flagHook: { call: HOOK_CHECK },
    growthBookHook: { call: "growthBook" },
    featureComponent: { gate: { attribute: "feature" } },
  },
};
