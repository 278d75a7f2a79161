import { useFlags } from "launchdarkly-react-client-sdk";
import { Links, NewLinks } from "./links";

export function Nav() {
  const { newFlow, darkMode } = useFlags();
  return (
    <nav className={darkMode ? "dark" : "light"}>
      {newFlow ? <NewLinks /> : <Links />}
    </nav>
  );
}
