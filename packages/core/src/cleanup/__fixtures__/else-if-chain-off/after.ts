export function price(user: User): number {
  if (user.isStaff) {
    return 0;
  } else if (user.isTrial) {
    return trialPrice(user);
  } else {
    return oldPrice(user);
  }
}
