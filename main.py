"""Hub: play the visual novel, or check, transcribe, benchmark or rebuild its files.

    python main.py                       play
    python main.py --game DIR            play the game in DIR (any command takes --game)
    python main.py new DIR               write a starter game in DIR
    python main.py check                 check every file of the game
    python main.py transcript --choose N print a playthrough taking option N (or --all paths)
    python main.py bench                 print performance figures as JSON
    python main.py build [--out DIR]     make a standalone app of the game for this system (requirements-build.txt)
    python main.py assets                regenerate the art and sound files
"""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
