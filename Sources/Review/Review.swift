// The Review module; see STYLE.md for its place in the layering.
import Forms
