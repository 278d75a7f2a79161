export function beta(user: User): boolean {
  if (user.beta) {
    return true;
  }
  return false;
}
