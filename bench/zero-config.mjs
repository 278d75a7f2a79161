// Reproduces the table of docs/zero-config.md: each application at its pinned commit, checked out
// outside this repository, gets `flaglint init` (no options) and then `flaglint check`; the
// references check finds are compared with the check sites a person listed for that application
// (the shapes below, found by a text search over its product code, tests left out).
// Not part of npm test: it clones from the network. Run `npx tsc -b` first.
//
//   node bench/zero-config.mjs [--workdir DIR] [--only NAME]
//
// A checkout already in DIR/<name> at the pinned commit is reused.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FLAGLINT = path.join(ROOT, "cli/bin/flaglint.js");

/**
 * Each application, and the shapes of its true check sites as a person who knows it lists them:
 * a line matching one of `sites` is a check of the flag named by its first quoted string (or by
 * the member read, for enums), or by the first group `key` captures where it is given.
 */
/** civitai's flags, as its createFeatureFlags({ … }) declares them (a listed site reads one of these). */
const CIVITAI_FLAGS = [
  "adminTags", "aiToolkitChroma", "aiToolkitDefaultSd", "aiToolkitFlux", "aiToolkitHunyuan",
  "aiToolkitSd15", "aiToolkitSd35", "aiToolkitSdxl", "aiToolkitWan", "air", "alternateHome",
  "animaControlnet", "animaTraining", "announcements", "annualMemberships", "apiKeyBuzzLimit",
  "apiKeys", "appBlocks", "appBlocksAgenticReview", "appBlocksAuthor", "appBlocksGetStarted",
  "appBlocksPages", "appListings", "appReviewPage", "appTour", "appealReports", "articleCreate",
  "articleImageScanning", "articleRatingDispute", "articles", "assistant",
  "assistantPersonality", "auctions", "auctionsMod", "audioTraining", "blocklists",
  "booguTraining", "bounties", "bugsEdit", "bugsPage", "buzz", "buzzMemberships",
  "buzzTransactionExport", "buzzWithdrawalTransfer", "canBuyBuzz", "canViewNsfw", "canWrite",
  "cashManagement", "challengePlatform", "changelogEdit", "chat", "civitaiLink",
  "coinbasePayments", "collectionAiReview", "collections", "comicCreator", "comicSearch",
  "cosmeticPacks", "cosmeticShop", "creatorComp", "creatorControls", "creatorShop",
  "creatorsProgram", "csamReports", "datapacketRead", "disablePayments", "donationGoals",
  "draftMode", "earlyAccessModel", "emerchantpayPayments", "enhancedCompatibilitySdcpp",
  "ernieTraining", "eventsNavItem", "faro", "faroResourceTiming", "feedReserveCls",
  "flux2Training", "fluxTwoKleinTraining", "galleryLazyPostImages", "genTabDeferView",
  "generationOnlyModels", "generationPresets", "getAllModelImagesSlim", "giftMemberships",
  "hiddenPrefsCompact", "hidreamO1Training", "hunyuan3dGenerator", "imageGeneration",
  "imageIndexFeed", "imageSearch", "imageTraining", "imageTrainingResults", "impersonation",
  "isBlue", "isGreen", "isRed", "kinguinIframe", "kohyaTraining", "krea2Training",
  "largerGenerationImages", "licensingFee", "liveMetrics", "ltx23Training", "ltx2Training",
  "mageflowTraining", "membershipsV2", "model3dFeed", "model3dGenerator",
  "modelMetricPrivacyReadtime", "modelVersionPopularity", "moderateTags", "nativeVideoControls",
  "newOrderGame", "newOrderReset", "newsroom", "nowpaymentPayments", "oauthApps",
  "paddleAdjustments", "postsNavItem", "prepaidBuzzTransactions", "prepaidMemberships",
  "privateModels", "profileCollections", "questions", "qwenTraining", "referralProgramV2",
  "retoolToggleModerator", "retoolUpdateIdentity", "reviewTrainingData", "ruOrchestratorProxy",
  "safety", "serviceStatus", "stickerPlacement", "stickers", "strikes", "thirtyDayEarlyAccess",
  "toolSearch", "trainingAutoCaption", "trainingAutoLabelOrchestrator", "trainingAutoTag",
  "trainingModelsModeration", "trainingStepsPricing", "tripoGenerator", "trpcBatching",
  "userChallenges", "userPaymentConfiguration", "vault", "videoTraining", "wan22MultiStep",
  "wan22Training", "wildcards", "zimagebaseTraining", "zimageturboTraining"
];
const CIVITAI_KEY = `(?:${CIVITAI_FLAGS.join("|")})`;

const APPLICATIONS = [
  {
    name: "unleash",
    url: "https://github.com/Unleash/unleash.git",
    commit: "ceeb5a9ca6d0beb0cabf041d6a27ffd2d6501859",
    sites: [
      String.raw`useUiFlag\(\s*'`,
      String.raw`flagResolver\??\.(isEnabled|getVariant)\(\s*'`,
      String.raw`uiConfig\??\.flags\??\.[A-Za-z_]+`,
      String.raw`^\s*(flag|notFlag):\s*'`,
      String.raw`requireFeatureEnabled\([^)]*'`,
      String.raw`evaluateFlag\(\s*'`,
    ],
  },
  {
    name: "novu",
    url: "https://github.com/novuhq/novu.git",
    commit: "74a2e9a6a295cd5a17aa9806914b4574fecce737",
    sites: [String.raw`FeatureFlagsKeysEnum\.[A-Z_0-9]+`, String.raw`useFeatureFlag\(\s*FeatureFlagsKeysEnum`],
  },
  {
    name: "langfuse",
    url: "https://github.com/langfuse/langfuse.git",
    commit: "62751446149b702b419a9292ddfc2280cdf74b8c",
    sites: [
      String.raw`useIsFeatureEnabled\(\s*"`,
      String.raw`featureFlag:\s*"`,
      String.raw`flag:\s*"(modernSession|searchBar|compactTimeline)"`,
      String.raw`getFeaturePreviewOptOutFlag\(\s*"`,
    ],
  },
  {
    name: "flagsmith",
    url: "https://github.com/Flagsmith/flagsmith.git",
    commit: "1ad8487ba7aabedd3cdfbcf3e7d772784d3e1aae",
    sites: [
      String.raw`Utils\.getFlagsmith(HasFeature|Value|JSONValue)\(\s*'`,
      String.raw`flagsmith\.(hasFeature|getValue)\(\s*'`,
    ],
  },
  {
    name: "papermark",
    url: "https://github.com/mfts/papermark.git",
    commit: "7ff2e657ed09b56f0afcc863a5db52d0debd2e6a",
    sites: [
      String.raw`isFeatureEnabled\(\s*"`,
      String.raw`\b(features|featureFlags)\??\.(tokens|incomingWebhooks|roomChangeNotifications|webhooks|conversations|dataroomUpload|inDocumentLinks|usStorage|dataroomIndex|slack|annotations|dataroomInvitations|workflows|ai|sso|textSelection)\b`,
      String.raw`const \{ \w+ \} = await getFeatureFlags\(`,
    ],
    key: String.raw`isFeatureEnabled\(\s*"(\w+)"|\b(?:features|featureFlags)\??\.(\w+)|const \{ (\w+) \}`,
  },
  {
    name: "trigger.dev",
    url: "https://github.com/triggerdotdev/trigger.dev.git",
    commit: "b082e44389337dc6505d590737a6df70867cc8f4",
    // And the side menu's reads of an organization's flags, `const featureFlags = useFeatureFlags()`.
    sites: [String.raw`FEATURE_FLAG\.[A-Za-z]+`, String.raw`\bfeatureFlags\??\.has[A-Z]\w*`],
    key: String.raw`FEATURE_FLAG\.(\w+)|featureFlags\??\.(\w+)`,
    // Lines that name a key and read no flag: a schema or default per flag, a comparison of keys,
    // a schema look-up, and the lists of read-only flags in the file that declares the keys.
    notSites: [
      { pattern: String.raw`^\s*\[FEATURE_FLAG\.\w+\]\s*:` },
      { pattern: String.raw`[=!]==?\s*FEATURE_FLAG\.` },
      { pattern: String.raw`FeatureFlagCatalog\[FEATURE_FLAG\.` },
      { file: "apps/webapp/app/v3/featureFlags.ts", pattern: String.raw`^\s*FEATURE_FLAG\.\w+,\s*$` },
    ],
  },
  // Tried after the first six: `init` found none of its 13 check sites until the rules it taught
  // (fixtures discover-flag-record and discover-fetched-values).
  {
    name: "dub",
    url: "https://github.com/dubinc/dub.git",
    commit: "1de955f782a72e1eff7b201ae54a909d5ceb5722",
    sites: [
      String.raw`featureFlag:\s*"`,
      String.raw`\bflags\??\.(analyticsSettingsSiteVisitTracking|noProrationUpgrade)\b`,
      String.raw`featureFlags\?\.postbacks\b`,
    ],
    key: String.raw`featureFlag:\s*"(\w+)"|flags\??\.(\w+)|featureFlags\?\.(\w+)`,
  },
  // Tried after dub: `init` found none of its 6 check sites until wrappers of a shared client
  // counted (the discovery test "follows a wrapper that passes its parameter to a client…").
  {
    name: "formbricks",
    url: "https://github.com/formbricks/formbricks.git",
    commit: "b66c1dd978af618a0e402bd3343b456bed68594c",
    sites: [String.raw`getPostHogFeatureFlag\([^,]+,\s*"`],
  },
  // Tried after formbricks. outline's own flags are an enum its `FeatureFlags.isEnabled(flag:
  // Feature)` reads, only through a developer menu over every flag (dynamic keys, no listed site);
  // `init` first wrote a user record's own bits (UserFlag) instead: fixture discover-state-flags.
  {
    name: "outline",
    url: "https://github.com/outline/outline.git",
    commit: "d77dcdf853868c5d5fe125c895c9b71f0eff5c68",
    sites: [String.raw`FeatureFlags\.isEnabled\(\s*Feature\.`],
    key: String.raw`Feature\.(\w+)`,
  },
  // An experimentation product that checks its own flags with its own SDK: its domain enums are no
  // key sets (fixture discover-experiment-domain); the code snippets it shows users are templates.
  // Its plan entitlements are permission toggles: checked by orgHasPremiumFeature(org, "x") and
  // the like, and gated in the UI by a `commercialFeature="x"` prop.
  {
    name: "growthbook",
    url: "https://github.com/growthbook/growthbook.git",
    commit: "8f1db4456915a8e7b7faf23d5632ca7219d2f469",
    sites: [
      String.raw`useFeature(?:IsOn|Value)?(?:<[^(]*>)?\(`,
      String.raw`\b(?:gb|growthbook)\??\.(?:isOn|getFeatureValue)\(`,
      String.raw`\b(?:orgHasPremiumFeature|planHasPremiumFeature|hasCommercialFeature|requireFeature)\(`,
      String.raw`commercialFeature(?:=\{?|:\s*)["']`,
    ],
    notSites: [
      // A wrapper's own call with the key it was given (a dynamic key), and the SDK's own hooks.
      { pattern: String.raw`(?:isOn|getFeatureValue|useFeature\w*|hasCommercialFeature)\(\s*[A-Za-z_$][\w$]*\s*[,)]` },
      { pattern: String.raw`^\s*(?:export\s+)?function\s` },
      { pattern: String.raw`HasPremiumFeature\([^,]+,\s*[A-Za-z_$][\w$]*\s*\)` },
      // No feature named (`commercialFeature: ""`), or a check commented out inside JSX.
      { pattern: String.raw`commercialFeature:\s*""` },
      { pattern: String.raw`^\s*\{/\*` },
      { file: "packages/front-end/components/SyntaxHighlighting/Snippets/BooleanFeatureCodeSnippet.tsx", pattern: "." },
      { file: "packages/front-end/components/SyntaxHighlighting/Snippets/MultivariateFeatureCodeSnippet.tsx", pattern: "." },
    ],
  },
  // Tried after GrowthBook: a billing product's front end with two flag systems, an enum of local
  // toggles (`isFeatureFlagActive(FeatureFlags.X)`) and the organization's flags the API sends
  // (`hasFeatureFlag(FeatureFlagEnum.X)` from a hook, `featureFlag:` in route data). Its premium
  // add-ons (`hasOrganizationPremiumAddon(PremiumIntegrationTypeEnum.X)`) are not listed.
  {
    name: "lago-front",
    url: "https://github.com/getlago/lago-front.git",
    commit: "945d28cff2f041d2a12a9858c522c490d0fbf033",
    sites: [String.raw`isFeatureFlagActive\(\s*FeatureFlags\.`, String.raw`hasFeatureFlag\(\s*FeatureFlagEnum\.`, String.raw`featureFlag:\s*FeatureFlagEnum\.`],
  },
  // Applications with no feature flags at all, and code that looks like them: `init` must write
  // nothing (fixture discover-no-flags).
  // Tried after lago-front: an email client on PostHog's React SDK, one hook of its own per flag
  // (`useCleanerEnabled()` returning `useFeatureFlagEnabled("inbox-cleaner")`), keys as literals or
  // constants (one from another module).
  {
    name: "inbox-zero",
    url: "https://github.com/elie222/inbox-zero.git",
    commit: "4f70dcefc55c65f2664ec27a19e118003138fb5f",
    sites: [String.raw`useFeatureFlag(?:Enabled|VariantKey)\(`],
  },
  // Tried after lago-front: a site builder whose flags are the exports of one module of a workspace
  // package (`export const multiplayer = false`), checked by `isFeatureEnabled(name: Name)` with
  // `type Name = keyof typeof flags` over `import * as flags from "./flags"`.
  {
    name: "webstudio",
    url: "https://github.com/webstudio-is/webstudio.git",
    commit: "626b5e741bf6fad87a96e2fc352396721b0193d4",
    sites: [String.raw`isFeatureEnabled\(\s*"`],
  },
  // Tried after lago-front: an observability product's front end whose flags come from the API as a
  // list of records (`{ name, active }`), each found by name against an enum of keys
  // (`featureFlags?.find((flag) => flag.name === FeatureKeys.USE_JSON_BODY)?.active`); init found
  // none of them until that lookup counted as a check. Its keys mix toggles with plan features
  // (`sso`, `premium_support`).
  {
    name: "signoz",
    url: "https://github.com/SigNoz/signoz.git",
    commit: "9997c3da9c906daf4bcea664a3380cab51edd18f",
    sites: [String.raw`\((?:flag|feature)\)\s*=>\s*(?:flag|feature)\.name\s*===\s*FeatureKeys\.`],
  },
  // Tried after lago-front: a dashboard on Vercel's Flags SDK (`flags/next`). Each flag is declared
  // as `export const portalManagement = flag({ key: "portal-management", … })`; client components
  // read them through `useFlag("portalManagement")`, whose key set is the return shape of the
  // function that evaluates them all; server components call the declared flag itself
  // (`await portalManagement()`), a check whose key is in its declaration.
  {
    name: "unkey",
    url: "https://github.com/unkeyed/unkey.git",
    commit: "fc99b6b925b9f455886832261883f4086eb64d3d",
    // A declared flag is read by calling it: in a server component, and in resolveAll(), which
    // evaluates every flag for the client's provider.
    sites: [
      String.raw`useFlag\(\s*"`,
      String.raw`(?:await\s+|flags\.)(?:helloWorld|deployBilling|billingUIUpgrades|showDarksoulsSuccessBanner|portalManagement|projectsNav)\(\)`,
    ],
    key: String.raw`useFlag\(\s*"([^"]+)"|(?:await\s+|flags\.)(\w+)\(\)`,
  },
  {
    // Flags computed per request into one object (Record<FeatureFlagKey, boolean>): read on the client
    // through a React context's hook, on the server from the request's context, in server-side
    // props, and by name to guard API routes.
    name: "civitai",
    url: "https://github.com/civitai/civitai.git",
    commit: "ebed661630d3407a6d853981d89c97c31a2a4be0",
    sites: [
      String.raw`(?<![\w$\-/'"])(?:features|featureFlags|flags)\??\.${CIVITAI_KEY}\b(?!['"])`,
      String.raw`useFeatureFlags\(\)\??\.[a-z]\w*|\{\s*[a-z]\w*(?:\s*,\s*[a-z]\w*)*\s*,?\s*\}\s*=\s*useFeatureFlags\(\)`,
      String.raw`getFeatureFlags(?:Lazy|Async)?\(.*\)\)?\??\.[a-z]\w*`,
      String.raw`isFlagProtected\(\s*['"][a-z]\w*['"]\s*\)`,
      String.raw`\b(?:featureFlag|flag)\s*:\s*['"]${CIVITAI_KEY}['"]|^\s+(?:sd15|sdxl|flux|sd35|hunyuan|wan|chroma):\s*'aiToolkit\w+'`,
    ],
    // A user's own chat setting, a read in commented-out code or prose, and a type query read nothing.
    notSites: [
      { pattern: String.raw`settings\[i\]\?\.features\?\.chat` },
      { pattern: String.raw`^\s*(?:\{/\*|\(\x60resolve)` },
      { pattern: String.raw`typeof features\.` },
    ],
    key: String.raw`(?:(?<![\w$\-/'"])(?:features|featureFlags|flags)\??\.|useFeatureFlags\(\)\??\.|getFeatureFlags\w*\(.*?\)\)?\??\.|isFlagProtected\(\s*['"]|\b(?:featureFlag|flag)\s*:\s*['"]|:\s*'(?=aiToolkit)|\{\s*(?=\w+\s*\}\s*=\s*useFeatureFlags))([a-z][A-Za-z0-9]*)`,
  },
  {
    // Its own flags, a config object typed by an interface, read through a hook, a server function
    // and a gate component; and PostHog's, through a workspace package that re-exports its hook
    // and a client the app creates itself.
    name: "rallly",
    url: "https://github.com/lukevella/rallly.git",
    commit: "c629b3148024e40a115a731d3660d725c9329b0e",
    sites: [
      String.raw`\buseFeatureFlag\(\s*"`,
      String.raw`(?<![\w.?])isFeatureEnabled\(\s*"`,
      String.raw`<IfFeatureEnabled\s+feature="`,
      String.raw`useFeatureFlagEnabled\(`,
      String.raw`posthog\(\)\?\.isFeatureEnabled\(`,
    ],
    key: String.raw`(?:useFeatureFlag|isFeatureEnabled|useFeatureFlagEnabled)\(\s*"([^"]+)"|feature="([^"]+)"`,
  },
  { name: "plane", url: "https://github.com/makeplane/plane.git", commit: "4ca6d6c7b807ad09bb571af2c43e85bf47c3ec6b", sites: [] },
  { name: "openstatus", url: "https://github.com/openstatusHQ/openstatus.git", commit: "22df52eb0dbdafbad2c3fa41269f7a3a3cbf044b", sites: [] },
  { name: "documenso", url: "https://github.com/documenso/documenso.git", commit: "75330166cc00b29c14399bc2e391e4b4d8080c00", sites: [] },
  { name: "medusa", url: "https://github.com/medusajs/medusa.git", commit: "59e6747800133e091d20c2c167f600981abc5c0d", sites: [] },
];

/** Tests, mocks and fixtures: not product code, left out of both sides. */
const NOT_PRODUCT = /(^|\/)(__tests__|__mocks__|test|tests|e2e|cypress|playwright)\/|\.(test|spec|e2e|stories|servertest|clienttest)\.[cm]?[jt]sx?$/;
const SOURCE = /\.[cm]?[jt]sx?$/;

function args() {
  const argv = process.argv.slice(2);
  const value = (name) => {
    const index = argv.indexOf(name);
    return index < 0 ? undefined : argv[index + 1];
  };
  return { workdir: value("--workdir") ?? path.join(os.tmpdir(), "flaglint-zero-config"), only: value("--only") };
}

function checkout(app, workdir) {
  const dir = path.join(workdir, app.name);
  if (fs.existsSync(path.join(dir, ".git"))) {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();
    if (head === app.commit) return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const git = (...command) => execFileSync("git", command, { cwd: dir, stdio: "inherit" });
  git("init", "-q");
  git("fetch", "-q", "--depth", "1", app.url, app.commit);
  git("checkout", "-q", "FETCH_HEAD");
  return dir;
}

function flaglint(dir, command) {
  const run = spawnSync(process.execPath, [FLAGLINT, ...command], { cwd: dir, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, env: { ...process.env, CI: "1" } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`flaglint ${command.join(" ")} in ${dir}: ${run.stderr}`);
  return run.stdout;
}

/**
 * Every line of product code that matches one of the site patterns and none of `notSites` (a
 * pattern, in one file or in all), as `file:line` -> the key it names.
 */
function listedSites(dir, patterns, keyPattern, notSites = []) {
  const sites = new Map();
  const regexes = patterns.map((pattern) => new RegExp(pattern));
  const excluded = notSites.map(({ file, pattern }) => ({ file, regex: new RegExp(pattern) }));
  const keyRegex = keyPattern === undefined ? undefined : new RegExp(keyPattern);
  const files = execFileSync("git", ["ls-files"], { cwd: dir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }).split("\n");
  for (const file of files) {
    if (!SOURCE.test(file) || NOT_PRODUCT.test(file) || file.endsWith(".d.ts")) continue;
    const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
    lines.forEach((text, index) => {
      if (/^\s*(import|export\s+(type|interface))\b/.test(text) || /^\s*(\/\/|\/?\*)/.test(text)) return;
      if (!regexes.some((regex) => regex.test(text))) return;
      if (excluded.some((not) => (not.file === undefined || not.file === file) && not.regex.test(text))) return;
      const captured = keyRegex?.exec(text)?.slice(1).find((group) => group !== undefined);
      const key = captured ?? /['"`]([^'"`]+)['"`]/.exec(text)?.[1] ?? /\.([A-Za-z_][\w]*)\b(?!.*\.)/.exec(text)?.[1];
      sites.set(`${file}:${index + 1}`, key);
    });
  }
  return sites;
}

function measure(app, workdir) {
  const dir = checkout(app, workdir);
  for (const name of ["feature-flags.yaml", "feature-flags.yml", "feature-flags.json"]) fs.rmSync(path.join(dir, name), { force: true });
  const started = Date.now();
  flaglint(dir, ["init", "--no-git"]);
  const initSeconds = (Date.now() - started) / 1000;
  const check = JSON.parse(flaglint(dir, ["check", "--format", "json", "--now", "2026-11-26"]));
  const registryKeys = new Set(check.flags.filter((flag) => flag.known).map((flag) => flag.key));
  // A mention names a key and reads no value (a comparison of keys, a schema per flag): not a check site.
  const references = check.references.filter((reference) => !reference.dynamic && reference.kind !== "mention" && !NOT_PRODUCT.test(reference.file));
  const found = new Set(references.map((reference) => `${reference.file}:${reference.line}`));
  // A call spread over lines has its key on the line after the listed one.
  const near = (site) => {
    const [file, line] = [site.slice(0, site.lastIndexOf(":")), Number(site.slice(site.lastIndexOf(":") + 1))];
    return found.has(site) || found.has(`${file}:${line + 1}`) || found.has(`${file}:${line + 2}`);
  };
  const sites = listedSites(dir, app.sites, app.key, app.notSites);
  const recalled = [...sites.keys()].filter(near);
  const listedNear = new Set([...sites.keys()].flatMap((site) => {
    const [file, line] = [site.slice(0, site.lastIndexOf(":")), Number(site.slice(site.lastIndexOf(":") + 1))];
    return [site, `${file}:${line + 1}`, `${file}:${line + 2}`];
  }));
  const precise = references.filter((reference) => listedNear.has(`${reference.file}:${reference.line}`));
  const checkedKeys = new Set(references.filter((reference) => listedNear.has(`${reference.file}:${reference.line}`)).map((reference) => reference.flag));
  for (const site of sites.keys()) if (!near(site) && sites.get(site) !== undefined) checkedKeys.add(sites.get(site));
  const keysHeld = [...checkedKeys].filter((key) => registryKeys.has(key));
  return {
    name: app.name,
    commit: app.commit,
    files: check.summary.files,
    initSeconds,
    sites: sites.size,
    recall: ratio(recalled.length, sites.size),
    references: references.length,
    precision: ratio(precise.length, references.length),
    keys: `${keysHeld.length}/${checkedKeys.size}`,
    registryFlags: registryKeys.size,
    missed: [...sites.keys()].filter((site) => !near(site)).slice(0, 10),
    unlisted: references.filter((reference) => !listedNear.has(`${reference.file}:${reference.line}`)).slice(0, 40).map((reference) => `${reference.file}:${reference.line} ${reference.flag} ${reference.matcher}`),
  };
}

function ratio(part, whole) {
  return whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)} % (${part}/${whole})`;
}

const { workdir, only } = args();
fs.mkdirSync(workdir, { recursive: true });
const rows = APPLICATIONS.filter((app) => only === undefined || app.name === only).map((app) => measure(app, workdir));
console.log("| application | commit | files | init (s) | listed sites | recall | references | precision | keys held | flags written |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) {
  console.log(`| ${row.name} | \`${row.commit.slice(0, 12)}\` | ${row.files} | ${row.initSeconds.toFixed(1)} | ${row.sites} | ${row.recall} | ${row.references} | ${row.precision} | ${row.keys} | ${row.registryFlags} |`);
}
for (const row of rows) {
  if (row.missed.length > 0) console.log(`\n${row.name}, missed:\n  ${row.missed.join("\n  ")}`);
  if (row.unlisted.length > 0) console.log(`\n${row.name}, found but not listed:\n  ${row.unlisted.join("\n  ")}`);
}
