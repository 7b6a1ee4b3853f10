"""Hub: play the visual novel, or check, transcribe, benchmark or rebuild its files.

    python main.py                       play
    python main.py check                 check every scene file
    python main.py transcript --choose N print a playthrough taking option N
    python main.py bench                 print performance figures as JSON
    python main.py assets                regenerate the art and sound files
"""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
