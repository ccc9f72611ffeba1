"""``python -m lmp_core``: see :mod:`lmp_core.cli`."""

import sys

from lmp_core.cli import main

sys.exit(main())
