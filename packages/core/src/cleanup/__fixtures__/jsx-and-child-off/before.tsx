import { useFlag } from "@acme/flags";
import { Logo, Promo, SearchBar } from "./parts";

export function Header({ user }: Props) {
  const on = useFlag("new_flow");
  return (
    <header>
      <Logo />
      {on && <SearchBar user={user} />}
      {on && (
        <div className="promo">
          <Promo />
        </div>
      )}
    </header>
  );
}
