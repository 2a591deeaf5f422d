// The Opinion module; see STYLE.md for its place in the layering.
import Review
import OOXML
