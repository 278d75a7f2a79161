import { Logo } from "./parts";

export function Header({ user }: Props) {
  return (
    <header>
      <Logo />
    </header>
  );
}
