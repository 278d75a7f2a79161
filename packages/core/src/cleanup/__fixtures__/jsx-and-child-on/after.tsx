import { Logo, Promo, SearchBar } from "./parts";

export function Header({ user }: Props) {
  return (
    <header>
      <Logo />
      <SearchBar user={user} />
      <div className="promo">
        <Promo />
      </div>
    </header>
  );
}
