"""The script's step kinds: each one's reader, check, effect and place in the story (see `registry`)."""
