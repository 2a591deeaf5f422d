// The Forms module; see STYLE.md for its place in the layering.
import OOXML
