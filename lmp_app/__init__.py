"""UI helpers of LMP Explorer that may import Streamlit: state keys, UI texts, rendering."""
