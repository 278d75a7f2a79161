export function plan(user: User): Plan {
  const on = true;
  const tier = pickTier(user, on);
  audit(user);
  return tier;
}
