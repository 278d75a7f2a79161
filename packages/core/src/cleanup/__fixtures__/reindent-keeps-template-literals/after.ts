export function greeting(user: User): string {
  if (user.vip) {
    return `Dear ${user.name},
    thank you for staying with us.`;
  }
  return html`
      <p>Hello</p>
    `;
}
