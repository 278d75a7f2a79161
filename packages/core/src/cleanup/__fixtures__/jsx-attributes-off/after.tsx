export function GoButton(props: ButtonProps) {
  return (
    <button
      className="btn"
      style={styles.v1}
      data-variant={"a&c"}
      onClick={props.onClick}
    >
      {"Go"}
    </button>
  );
}
