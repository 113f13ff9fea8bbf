"""SQL in store/ takes values only as $parameters: a small taint check over the source.

The rule, for the query text (first argument) of every `.execute`, `.executemany`, `.sql` and `.query` call:
- `%` formatting and `.format(` are refused outright;
- every `{…}` in an f-string, every operand of `+`, every name the text is built from must be *trusted*:
  - a string or number literal;
  - a module-level ALL_CAPS constant (LOADER_COLUMNS, OBSERVATION_KEY, TABLES, SCHEMA, …), or an item or
    method call of one (`LOADER_COLUMNS[table]`, `SCHEMA.read_text()`); an ALL_CAPS name of a store module
    imported whole (`from store import observation_sql as sql` … `sql.INSERT_ALL_ROWS`) is one too;
  - a local name whose every assignment is trusted, including loop and comprehension variables over
    trusted iterables (`for table in TABLES`, `f"o.{k}" for k in OBSERVATION_KEY`);
  - `", ".join(…)`, conditional expressions and f-strings made of trusted parts (the condition may be
    anything: it only chooses between trusted texts);
  - a call to a function of the same module whose every return value is trusted;
  - a function parameter that the function itself looks up in a constant (`LOADER_COLUMNS[table]` raises
    KeyError for any other name, before any SQL runs), or that every caller in the module fills with a
    trusted value. A parameter of a function nobody in the module calls is outside input: untrusted.
Anything else (a parameter straight into an f-string, a value read from a file or a batch) fails the test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from config import ROOT

QUERY_METHODS = {"execute", "executemany", "sql", "query"}
Scope = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


class Checker:
    def __init__(self, source: str, name: str) -> None:
        self.name = name
        self.tree = ast.parse(source)
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.functions = {
            node.name: node for node in ast.walk(self.tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        self.constants = {
            target.id
            for node in self.tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name) and target.id.isupper()
        } | {  # constants imported from the store's own modules (store/tables.py) are constants too
            alias.asname or alias.name
            for node in self.tree.body
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("store.")
            for alias in node.names
            if alias.name.isupper()
        }
        self.store_modules = {  # `from store import observation_sql as sql`: sql.NAME is a constant of store's
            alias.asname or alias.name
            for node in self.tree.body
            if isinstance(node, ast.ImportFrom) and node.module == "store"
            for alias in node.names
        }
        self.busy: set[tuple[int, str]] = set()

    # ------------------------------------------------------------ scopes

    def scope_of(self, node: ast.AST) -> Scope | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, Scope):
                return node
        return None

    def own_nodes(self, scope: Scope) -> list[ast.AST]:
        """Nodes of a function body, not descending into nested functions."""
        out, todo = [], list(ast.iter_child_nodes(scope))
        while todo:
            node = todo.pop()
            out.append(node)
            if not isinstance(node, Scope):
                todo.extend(ast.iter_child_nodes(node))
        return out

    # ------------------------------------------------------------ trust

    def trusted(self, node: ast.AST | None) -> bool:
        match node:
            case None:
                return False
            case ast.Constant():
                return isinstance(node.value, str | int | float | bool) or node.value is None
            case ast.JoinedStr():
                return all(self.trusted(part) for part in node.values)
            case ast.FormattedValue():
                return self.trusted(node.value)
            case ast.BinOp(op=ast.Add()):
                return self.trusted(node.left) and self.trusted(node.right)
            case ast.BinOp():
                return False  # % formatting among them
            case ast.IfExp():
                return self.trusted(node.body) and self.trusted(node.orelse)
            case ast.Tuple() | ast.List():
                return all(self.trusted(element) for element in node.elts)
            case ast.Subscript():
                return self.trusted(node.value)
            case ast.GeneratorExp() | ast.ListComp():
                return self.trusted(node.elt) and all(self.trusted(g.iter) for g in node.generators)
            case ast.Call():
                return self.trusted_call(node)
            case ast.Name():
                return self.trusted_name(node.id, self.scope_of(node))
            case ast.Attribute(value=ast.Name(id=module)) if module in self.store_modules:
                return node.attr.isupper()
            case _:
                return False

    def trusted_call(self, call: ast.Call) -> bool:
        arguments = [*call.args, *(k.value for k in call.keywords)]
        if isinstance(call.func, ast.Attribute):
            if call.func.attr == "format":
                return False
            return self.trusted(call.func.value) and all(self.trusted(a) for a in arguments)
        if isinstance(call.func, ast.Name) and call.func.id in self.functions:
            function = self.functions[call.func.id]
            returns = [n.value for n in self.own_nodes(function) if isinstance(n, ast.Return)]
            return bool(returns) and all(self.trusted(value) for value in returns)
        return False

    def trusted_name(self, name: str, scope: Scope | None) -> bool:
        key = (id(scope), name)
        if key in self.busy:
            return False  # a cycle: nothing proved it
        self.busy.add(key)
        try:
            while scope is not None:
                bound = self.bindings(name, scope)
                if bound is not None:
                    return bound
                scope = self.scope_of(scope)
            return name in self.constants
        finally:
            self.busy.discard(key)

    def bindings(self, name: str, scope: Scope) -> bool | None:
        """Whether every binding of name in this function is trusted; None if it binds nothing here."""
        arguments = scope.args
        parameters = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        if any(p.arg == name for p in parameters):
            return self.trusted_parameter(name, scope)
        found: list[bool] = []
        for node in self.own_nodes(scope):
            match node:
                case ast.Assign() if any(self.binds(t, name) for t in node.targets):
                    found.append(self.trusted(node.value))
                case ast.AnnAssign() | ast.AugAssign() | ast.NamedExpr() if self.binds(node.target, name):
                    found.append(self.trusted(node.value))
                case ast.For() | ast.comprehension() if self.binds(node.target, name):
                    found.append(self.trusted(node.iter))
                case ast.withitem() if node.optional_vars is not None and self.binds(node.optional_vars, name):
                    found.append(False)
                case ast.ExceptHandler() if node.name == name:
                    found.append(False)
        return all(found) if found else None

    @staticmethod
    def binds(target: ast.AST, name: str) -> bool:
        return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))

    def trusted_parameter(self, name: str, scope: Scope) -> bool:
        for node in self.own_nodes(scope):  # looked up in a constant: any other value raises first
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Name)
                and node.value.id in self.constants
                and isinstance(node.slice, ast.Name)
                and node.slice.id == name
            ):
                return True
        if isinstance(scope, ast.Lambda):
            return False
        positional = [p.arg for p in [*scope.args.posonlyargs, *scope.args.args]]
        position = positional.index(name) if name in positional else None
        callers = [
            node
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == scope.name
        ]
        if not callers:
            return False  # called from outside this module: outside input
        for call in callers:
            given = next((k.value for k in call.keywords if k.arg == name), None)
            if given is None and position is not None and position < len(call.args):
                given = call.args[position]
            if given is not None and not self.trusted(given):
                return False
        return True

    # ------------------------------------------------------------ findings

    def offenders(self) -> list[str]:
        found = []
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in QUERY_METHODS:
                query = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "query"), None)
                if query is not None and not self.trusted(query):
                    found.append(f"{self.name}:{node.lineno}: {ast.unparse(query)[:80]}")
        return found


def offenders(source: str, name: str = "snippet.py") -> list[str]:
    return Checker(source, name).offenders()


@pytest.mark.parametrize("path", sorted((ROOT / "store").glob("*.py")), ids=lambda p: p.name)
def test_store_sql_takes_values_only_as_parameters(path: Path) -> None:
    assert offenders(path.read_text(encoding="utf-8"), path.name) == []


def test_the_store_does_run_queries_the_check_can_see() -> None:
    calls = [
        node
        for path in (ROOT / "store").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "execute"
    ]
    assert len(calls) > 10


BAD = """
TABLE = "observations"

def value_in_fstring(con, region):
    return con.execute(f"SELECT * FROM {TABLE} WHERE region_code = '{region}'")

def percent(con, name):
    return con.execute("SELECT * FROM %s" % name)

def format_call(con, name):
    return con.sql("SELECT * FROM {}".format(name))

def concatenated(con, name):
    query = "SELECT * FROM " + name
    return con.execute(query)

def from_data(con, batch):
    for table, rows in batch.tables.items():
        con.execute(f"INSERT INTO {table} SELECT * FROM rows")

def helper(part):
    return f"SELECT {part}"

def through_a_helper(con, user_text):
    con.execute(helper(user_text))
"""

GOOD = """
TABLE = "observations"
COLUMNS = {"observations": ("a", "b")}

def constant_table(con, code):
    return con.execute(f"SELECT * FROM {TABLE} WHERE code = $code", {"code": code})

def looked_up(con, table):
    select = ", ".join(COLUMNS[table])
    verb = "INSERT OR REPLACE" if table == "x" else "INSERT"
    con.execute(f"{verb} INTO {table} ({select}) SELECT {select} FROM incoming")

def loop(con):
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in COLUMNS}
"""


def test_the_checker_refuses_values_spliced_into_sql() -> None:
    lines = sorted(int(line.split(":")[1]) for line in offenders(BAD))
    assert lines == [5, 8, 11, 15, 19, 25]


def test_the_checker_accepts_names_from_constants() -> None:
    assert offenders(GOOD) == []


def test_a_store_module_imported_whole_lends_only_its_constants() -> None:
    source = """
from store import observation_sql as sql
from other import stuff

def constant(con):
    con.execute(sql.INSERT_ALL_ROWS, {"id": 1})

def lower_name(con):
    con.execute(sql.built_from_input)

def not_a_store_module(con):
    con.execute(stuff.QUERY)
"""
    assert [int(line.split(":")[1]) for line in offenders(source)] == [9, 12]
