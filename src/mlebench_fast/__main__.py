import sys

from mlebench_fast.cli import main

sys.exit(main())
