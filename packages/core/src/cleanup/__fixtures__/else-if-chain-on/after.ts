export function price(user: User): number {
  if (user.isStaff) {
    return 0;
  } else {
    return newPrice(user);
  }
}
