import { useFlag } from "@acme/flags";

export function GoButton(props: ButtonProps) {
  const v2 = useFlag("new_flow");
  return (
    <button
      className={v2 ? "btn btn--v2" : "btn"}
      style={v2 ? styles.v2 : styles.v1}
      data-variant={v2 ? "a&b" : "a&c"}
      onClick={props.onClick}
    >
      {v2 ? <Icon name="arrow" /> : "Go"}
    </button>
  );
}
