import { GriffelStyle, tokens } from "@fluentui/react-components";

/** A framed group of the pane's forms (a fieldset): thin border, rounded, its parts in a column. */
export const PANEL_STYLE: GriffelStyle = {
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  margin: 0,
  padding: tokens.spacingHorizontalS,
  minWidth: 0,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
};
