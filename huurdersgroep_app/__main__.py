from huurdersgroep_app.cli import main

raise SystemExit(main())
