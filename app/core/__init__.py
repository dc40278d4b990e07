"""The pure core: the method, the crisis screen, the rules that write and check every reply, and
the reports. Plain Python and data files; no model runtime, database or web framework is
imported here (the engine reaches them through the protocols it declares)."""
