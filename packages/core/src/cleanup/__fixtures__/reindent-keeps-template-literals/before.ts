import { client as ff } from "./flags";

export function greeting(user: User): string {
  if (ff.isEnabled("new_flow")) {
    if (user.vip) {
      return `Dear ${user.name},
    thank you for staying with us.`;
    }
    return html`
      <p>Hello</p>
    `;
  }
  return "Hi";
}
