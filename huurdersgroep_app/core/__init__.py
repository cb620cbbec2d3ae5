"""The headless core: data, rules, services, importers and documents. No Qt here, ever."""
