#!/usr/bin/env python3
"""Deterministic generator of review-shaped `.arch` files for benchmarks.

    python3 benches/gen_review.py --nodes N [--seed S]           # one review, ~N systems+modules, to stdout
    python3 benches/gen_review.py --bytes B [--seed S]           # one review of about B bytes, to stdout
    python3 benches/gen_review.py --files K --out DIR [--seed S] # K review-sized files (30-60 lines) in DIR

The same arguments always give byte-identical output: all choices come from
random.Random(seed). Each review follows the language brief (language.md) and is meant to be
lint-clean: every system has an owner and a data classification, every
connection has a method and a direction, proposed connections have data and
frequency, methods are in the module's `supports` unless a gap sits in the
connection's block, each system and module has at least one connection,
modules <= systems, and the records, stakeholders, dates and nfr are complete.
Standard library only.
"""
import argparse
import datetime
import os
import random
import sys

# --- vocabulary ---------------------------------------------------------------

# (kind, label stem, tech, data classes, build, hosting, preferred module family)
SYSTEM_KINDS = [
    ("identity-provider", "Identity Provider", "Okta Workforce", ["pii"], "saas", "saas", "identity"),
    ("directory", "Directory", "Active Directory 2022", ["pii"], "cots", "on-prem", "identity"),
    ("erp", "ERP", "SAP S/4HANA", ["confidential"], "cots", "hybrid", "api"),
    ("crm", "CRM", "Salesforce Sales Cloud", ["pii"], "saas", "saas", "api"),
    ("ehr", "EHR", "Epic", ["phi", "pii"], "cots", "on-prem", "api"),
    ("billing", "Billing", "Zuora", ["pci", "pii"], "saas", "saas", "api"),
    ("portal", "Customer Portal", "React + Node.js", ["pii"], "custom", "cloud", "api"),
    ("service", "Orders Service", "Java 21, Spring Boot", ["pii"], "custom", "cloud", "api"),
    ("database", "Database", "PostgreSQL 16", ["pii", "confidential"], "cots", "cloud", "data"),
    ("database", "Reporting DB", "Microsoft SQL Server 2022", ["phi"], "cots", "on-prem", "data"),
    ("file-share", "File Share", "SFTP server", ["confidential"], "cots", "on-prem", "data"),
    ("event-bus", "Event Bus", "Apache Kafka 3.7", ["internal"], "cots", "cloud", "events"),
    ("integration-engine", "Integration Engine", "MuleSoft Anypoint", ["internal"], "cots", "hybrid", "events"),
    ("data-warehouse", "Data Warehouse", "Snowflake", ["pii", "confidential"], "saas", "saas", "analytics"),
    ("bi", "BI", "Power BI", ["confidential"], "saas", "saas", "analytics"),
    ("network", "Transit Network", "AWS Transit Gateway", ["internal"], "saas", "cloud", "network"),
    ("firewall", "Firewall", "Palo Alto PA-3400", ["internal"], "cots", "on-prem", "network"),
    ("siem", "SIEM", "Splunk Enterprise", ["confidential"], "cots", "hybrid", "api"),
]

# module family -> (label stem, supports, usual direction system->module)
MODULE_FAMILIES = {
    "identity": ("Identity", ["saml", "oidc", "scim"], "->"),
    "api": ("Core API", ["rest", "webhook", "graphql"], "<->"),
    "events": ("Event Ingest", ["kafka", "amqp", "sqs"], "->"),
    "data": ("Data Import", ["etl", "batch", "sftp", "cdc"], "->"),
    "analytics": ("Analytics Export", ["elt", "replication"], "<-"),
    "network": ("Private Connectivity", ["privatelink", "vpn", "peering"], "<->"),
}
FAMILY_ORDER = ["api", "identity", "data", "events", "analytics", "network"]
# a method a customer often asks for that the module family does not list (gap material)
UNSUPPORTED_ASK = {"identity": "ldap", "api": "soap", "events": "mq", "data": "jdbc",
                   "analytics": "stream", "network": "peering"}
EXISTING_METHODS = ["rest", "soap", "mq", "kafka", "jdbc", "etl", "batch", "sftp", "file",
                    "replication", "ldap", "saml", "vpn", "grpc", "stream"]
ARROWS = ["->", "->", "->", "<->", "<-"]
FREQS = ["realtime", "near-realtime", "hourly", "daily", "weekly", "monthly", "on-demand"]
DATA_PHRASES = ["orders, invoices", "customer records", "patient demographics", "payments (tokenised)",
                "workforce identities", "stock levels", "audit events", "claims and remittances",
                "product catalogue", "usage metrics", "shipment status", "GL journals"]
DIVISIONS = ["Clinical", "Finance", "Operations", "Commerce", "Corporate", "Data & Analytics",
             "Infrastructure", "Customer Experience", "Supply Chain", "Security"]
TEAMS = ["Billing", "Payments", "Orders", "Scheduling", "Identity", "Reporting", "Fulfilment",
         "Claims", "Pharmacy", "Imaging", "HR", "Procurement", "Networking", "Messaging"]
FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jun", "Kofi", "Lara"]
LAST = ["Moreau", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Varga"]
COMPLIANCE = [["hipaa", "soc2"], ["pci-dss", "soc2"], ["gdpr", "iso27001"], ["soc2"], ["gdpr"]]
RESIDENCY = {"hipaa": "us", "pci-dss": "us", "gdpr": "eu", "soc2": "us"}
# roles every generated review carries, so that missing-stakeholder stays silent
ROLES = [("se", "vendor"), ("architect", "customer"), ("dba", "customer"), ("security", "customer"),
         ("network", "customer"), ("product", "vendor"), ("executive", "customer")]


def q(s):
    """A double-quoted string literal with \\ and \" escaped."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Review:
    """One generated review; render() returns its text."""

    def __init__(self, nodes, seed, compact=False):
        self.r = random.Random(seed)
        self.nodes = max(4, nodes)
        self.compact = compact  # review-sized files: fewer comments, no sub-groups
        self.seq = 0

    def uid(self, prefix):
        self.seq += 1
        return f"{prefix}_{self.seq}"

    # --- model -------------------------------------------------------------------

    def build(self):
        r = self.r
        n_mod = max(2, round(self.nodes / 9))
        n_sys = self.nodes - n_mod
        self.date = datetime.date(2026, 1, 5) + datetime.timedelta(days=r.randrange(0, 330))
        self.compliance = r.choice(COMPLIANCE)
        self.residency = RESIDENCY[self.compliance[0]]

        # people
        self.persons = []
        used = set()
        for role, org in ROLES:
            while True:
                name = f"{r.choice(FIRST)} {r.choice(LAST)}"
                if name not in used:
                    used.add(name)
                    break
            self.persons.append((self.uid("p_" + role), name, role, org))
        self.pid = {role: pid for pid, _, role, _ in self.persons}
        self.customer_people = [p[0] for p in self.persons if p[3] == "customer"]

        # systems in team groups of ~8, team groups in divisions of up to 4 teams
        self.systems = []  # dicts
        self.divisions = []  # (id, label, [teams]); team = (id, label, [system ids], [subgroup])
        left = n_sys
        while left > 0:
            div_id = self.uid("div")
            div_label = DIVISIONS[len(self.divisions) % len(DIVISIONS)]
            if len(self.divisions) >= len(DIVISIONS):
                div_label += f" {len(self.divisions) // len(DIVISIONS) + 1}"
            owner_pid = None
            if not self.compact and len(self.divisions) % 3 == 2:
                owner_pid = self.uid("p_owner")
                self.persons.append((owner_pid, f"{div_label} Application Owner", "owner", "customer"))
            teams = []
            for _ in range(4):
                if left <= 0:
                    break
                size = min(left, r.randint(6, 10))
                left -= size
                team_id = self.uid("grp")
                team_label = r.choice(TEAMS)
                sids = []
                for _ in range(size):
                    sids.append(self.new_system(team_label, owner_pid))
                sub = None
                if not self.compact and size >= 8 and r.random() < 0.5:
                    sub = (self.uid("grp"), f"{team_label} legacy", sids[-3:])
                    sids = sids[:-3]
                teams.append((team_id, team_label, sids, sub))
            self.divisions.append((div_id, div_label, teams))
            if self.compact:
                break  # review-sized files keep one division

        # solutions: ours (+ a partner's platform once the file is big enough)
        self.solutions = []
        two = n_mod >= 3 and not self.compact
        n_ours = n_mod - (max(1, n_mod // 4) if two else 0)
        hosted_in_customer = r.random() < 0.5 and not self.compact
        self.solutions.append(self.new_solution("ours", "Our Platform", n_ours,
                                                "customer-hosted" if hosted_in_customer else "saas"))
        if two:
            self.solutions.append(self.new_solution("partner", "Partner Platform", n_mod - n_ours, "saas"))
        self.modules = [m for s in self.solutions for m in s["modules"]]
        self.ours_in_team = self.divisions[-1][2][-1][0] if hosted_in_customer else None

        self.build_connections()
        self.build_records()

    def new_system(self, team_label, owner_pid):
        r = self.r
        kind, stem, tech, data, build, hosting, fam = r.choice(SYSTEM_KINDS)
        sid = self.uid(kind.split("-")[0])
        if owner_pid and r.random() < 0.5:
            owner = owner_pid
        elif kind == "database":
            owner = self.pid["dba"]
        elif kind in ("identity-provider", "directory", "siem"):
            owner = self.pid["security"]
        elif kind in ("network", "firewall"):
            owner = self.pid["network"]
        else:
            owner = q(f"{team_label} team")  # free-text owner
        self.systems.append(dict(id=sid, label=f"{stem} {self.seq}", kind=kind, tech=tech, data=data,
                                 build=build, hosting=hosting, fam=fam, owner=owner,
                                 crit=r.choice(["low", "medium", "high", "high", "critical"])))
        return sid

    def new_solution(self, prefix, label, count, hosting):
        sol = dict(id=self.uid(prefix), label=label, hosting=hosting, modules=[])
        for i in range(count):
            fam = FAMILY_ORDER[i % len(FAMILY_ORDER)]
            stem, supports, _ = MODULE_FAMILIES[fam]
            sol["modules"].append(dict(id=self.uid(f"{prefix}_{fam}"), label=f"{stem} {i + 1}",
                                       fam=fam, supports=supports,
                                       status="beta" if i % 7 == 6 else "ga"))
        return sol

    def build_connections(self):
        r = self.r
        target = round(1.3 * self.nodes)
        self.conns = []
        seen = set()
        touched = set()
        by_fam = {}
        for s in self.systems:
            by_fam.setdefault(s["fam"], []).append(s)

        def add(a, b, arrow, methods, proposed, gap=None):
            key = (a, b) if a < b else (b, a)
            if a == b or key in seen:
                return False
            seen.add(key)
            touched.update((a, b))
            self.conns.append(dict(a=a, b=b, arrow=arrow, methods=methods, proposed=proposed, gap=gap))
            return True

        def to_module(sys_, mod):
            supports = mod["supports"]
            _, _, arrow = MODULE_FAMILIES[mod["fam"]]
            gap = None
            if r.random() < 0.08 and UNSUPPORTED_ASK[mod["fam"]] not in supports:
                methods = [UNSUPPORTED_ASK[mod["fam"]]]
                gap = True
            else:
                methods = [r.choice(supports)]
            if arrow == "<-":
                return add(mod["id"], sys_["id"], "->", methods, True, gap)
            return add(sys_["id"], mod["id"], arrow, methods, True, gap)

        # 1. every module gets a proposed connection from a system of its family if possible
        for mod in self.modules:
            pool = by_fam.get(mod["fam"]) or self.systems
            for _ in range(20):
                if to_module(r.choice(pool), mod):
                    break
        # 2. every untouched system gets one connection
        for s in self.systems:
            if s["id"] in touched:
                continue
            mods = [m for m in self.modules if m["fam"] == s["fam"]]
            if mods and r.random() < 0.4 and to_module(s, r.choice(mods)):
                continue
            for _ in range(50):
                other = r.choice(self.systems)
                if add(s["id"], other["id"], r.choice(ARROWS), [r.choice(EXISTING_METHODS)], False):
                    break
            else:
                to_module(s, r.choice(self.modules))
        # 3. fill up to ~1.3 x nodes
        tries = 0
        while len(self.conns) < target and tries < target * 20:
            tries += 1
            if r.random() < 0.35:
                mod = r.choice(self.modules)
                to_module(r.choice(by_fam.get(mod["fam"]) or self.systems), mod)
            else:
                a, b = r.choice(self.systems), r.choice(self.systems)
                add(a["id"], b["id"], r.choice(ARROWS), [r.choice(EXISTING_METHODS)], False)

    def build_records(self):
        n = self.nodes
        self.n_gaps = max(1, n // 25)
        self.n_risks = max(1, n // 30)
        self.n_prereq = max(1, n // 30)
        self.n_steps = max(1, n // 25)
        self.n_questions = max(1, n // 25)

    def due(self):
        return (self.date + datetime.timedelta(days=self.r.randrange(3, 75))).isoformat()

    def owner(self):
        return self.r.choice(self.customer_people + [self.pid["se"]])

    # --- text --------------------------------------------------------------------

    def render(self):
        self.build()
        r = self.r
        out = []
        w = out.append
        cust = "cust"
        followup = self.date + datetime.timedelta(days=r.randint(60, 120))
        sent = self.date + datetime.timedelta(days=r.randint(0, 2))
        w(f"# generated by benches/gen_review.py (nodes={self.nodes})")
        w(f'review "Generated review {self.nodes}" {{')
        w(f"  customer: {cust}")
        w(f"  date: {self.date.isoformat()}")
        w(f"  summary_sent: {sent.isoformat()}")
        w(f"  followup: {followup.isoformat()}")
        w(f"  se: {self.pid['se']}")
        w('  duration: "90 min"')
        w('  depth: "integration-focused"')
        w("}")
        if not self.compact:
            w("")
        for pid, name, role, org in self.persons:
            w(f"person {pid} {q(name)} {{ role: {role}, org: {org} }}")
        if not self.compact:
            w("")
        comp = ", ".join(self.compliance)
        w(f'customer {cust} "Generated Customer" {{')
        w(f"  hosting: hybrid, compliance: [{comp}], residency: {self.residency}")
        for div_id, div_label, teams in self.divisions:
            ind = "  "
            if not self.compact:
                w(f"  group {div_id} {q(div_label)} {{")
                ind = "    "
            for team_id, team_label, sids, sub in teams:
                w(f"{ind}group {team_id} {q(team_label)} {{")
                for sid in sids:
                    w(ind + "  " + self.system_line(sid))
                if sub:
                    w(f"{ind}  group {sub[0]} {q(sub[1])} {{")
                    w(f'{ind}    description: "Scheduled for retirement; staff call it \\"the old stack\\""')
                    for sid in sub[2]:
                        w(ind + "    " + self.system_line(sid))
                    w(f"{ind}  }}")
                if self.ours_in_team == team_id:
                    self.render_solution(self.solutions[0], ind + "  ", w)
                w(f"{ind}}}")
            if not self.compact:
                w("  }")
        w("}")
        for sol in self.solutions:
            if sol["hosting"] == "saas":
                if not self.compact:
                    w("")
                self.render_solution(sol, "", w)
        if not self.compact:
            w("")
            w("# connections: existing (customer-internal) and proposed (touching a module)")
        module_ids = {m["id"] for m in self.modules}
        for c in self.conns:
            methods = ", ".join(c["methods"])
            phrase = r.choice(DATA_PHRASES)
            head = f"{c['a']} {c['arrow']} {c['b']} : {methods} {q(phrase[0].upper() + phrase[1:])}"
            if c["proposed"]:
                attrs = f'data: {q(phrase)}, frequency: {r.choice(FREQS)}'
                if c["gap"] and self.compact:
                    m = c["methods"][0]
                    w(f"{head} {{ {attrs}; gap {q(m + ' not supported')} {{ requirement: {q('Customer asks for ' + m)}, "
                      f'current: "Module lists other methods", mitigation: "Use a supported method", '
                      f"owner: {self.pid['product']}, due: {self.due()} }} }}")
                elif c["gap"]:
                    w(head + " {")
                    w(f"  {attrs}")
                    w(f'  gap "{c["methods"][0]} not supported" {{')
                    w(f'    requirement: "Customer asks for {c["methods"][0]}"')
                    w('    current: "Module lists other methods"')
                    w(f'    mitigation: "Use a supported method; {c["methods"][0]} on the roadmap"')
                    w(f"    owner: {self.pid['product']}, due: {self.due()}")
                    w("  }")
                    w("}")
                else:
                    w(f"{head} {{ {attrs} }}")
            elif r.random() < 0.6:
                w(f"{head} {{ data: {q(phrase)}, frequency: {r.choice(FREQS)} }}")
            else:
                w(head)
            assert c["a"] in module_ids or c["b"] in module_ids or not c["proposed"]
        if not self.compact:
            w("")
        for i in range(self.n_gaps):
            pt = r.choice(self.systems)["label"]
            w(f'gap {q(f"Gap {i + 1} at {pt}")} {{ point: {q(pt)}, requirement: "Private connectivity", '
              f'current: "Public endpoints with TLS", mitigation: "Private Link offered", owner: {self.owner()}, '
              f"due: {self.due()}, severity: {r.choice(['low', 'medium', 'high'])} }}")
        for i in range(self.n_risks):
            w(f'risk "Risk {i + 1}: integration timeline" {{ severity: {r.choice(["low", "medium", "high"])}, '
              f'mitigation: "Phase the rollout", owner: {self.owner()} }}')
        for i in range(self.n_prereq):
            w(f'prerequisite "Prerequisite {i + 1}: service account" {{ owner: {self.owner()}, due: {self.due()} }}')
        for i in range(self.n_steps):
            w(f'step "Step {i + 1}: sandbox setup" {{ owner: {self.owner()}, due: {self.due()} }}')
        for i in range(self.n_questions):
            w(f'question "Question {i + 1}: which environment?" {{ owner: {self.owner()}, due: {self.due()} }}')
        if not self.compact:
            w("")
        w("nfr {")
        w('  performance: "p95 < 300 ms"')
        w('  availability: "99.9%"')
        w('  rpo: "1h", rto: "4h"')
        w(f"  residency: {self.residency}")
        w("}")
        return "\n".join(out) + "\n"

    def system_line(self, sid):
        s = self.sys_by_id()[sid]
        data = ", ".join(s["data"])
        return (f"system {s['id']} {q(s['label'])} {{ kind: {s['kind']}, owner: {s['owner']}, "
                f"criticality: {s['crit']}, build: {s['build']}, hosting: {s['hosting']}, "
                f"tech: {q(s['tech'])}, data: [{data}] }}")

    def sys_by_id(self):
        if not hasattr(self, "_sys_by_id"):
            self._sys_by_id = {s["id"]: s for s in self.systems}
        return self._sys_by_id

    def render_solution(self, sol, ind, w):
        w(f"{ind}solution {sol['id']} {q(sol['label'])} {{")
        w(f"{ind}  hosting: {sol['hosting']}")
        mods = sol["modules"]
        # modules in groups of 8 once there are many of them (solution -> group -> module)
        chunks = [mods] if len(mods) <= 8 else [mods[i:i + 8] for i in range(0, len(mods), 8)]
        for chunk in chunks:
            mi = ind + "  "
            if len(chunks) > 1:
                w(f"{mi}group {self.uid('mgrp')} \"Module set\" {{")
                mi += "  "
            for m in chunk:
                sup = ", ".join(m["supports"])
                w(f"{mi}module {m['id']} {q(m['label'])} {{ supports: [{sup}], status: {m['status']} }}")
            if len(chunks) > 1:
                w(f"{ind}  }}")
        w(f"{ind}}}")


def by_bytes(target, seed):
    """Scale --nodes until the text is within ~2% of `target` bytes."""
    nodes = 500
    text = Review(nodes, seed).render()
    for _ in range(4):
        size = len(text.encode())
        if abs(size - target) <= target * 0.02:
            break
        nodes = max(4, round(nodes * target / size))
        text = Review(nodes, seed).render()
    return text


def main(argv=None):
    ap = argparse.ArgumentParser(description="Deterministic generator of review-shaped .arch files.")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--nodes", type=int, help="one review with about N systems+modules, to stdout")
    mode.add_argument("--bytes", type=int, help="one review of about B bytes, to stdout")
    mode.add_argument("--files", type=int, help="K review-sized files (30-60 lines) into --out")
    ap.add_argument("--seed", type=int, default=1, help="PRNG seed (default 1)")
    ap.add_argument("--out", help="output folder for --files")
    a = ap.parse_args(argv)
    if a.files is not None:
        if not a.out:
            ap.error("--files needs --out DIR")
        os.makedirs(a.out, exist_ok=True)
        width = max(4, len(str(a.files)))
        for i in range(a.files):
            seed = a.seed * 1_000_003 + i
            nodes = random.Random(seed).randint(5, 8)
            text = Review(nodes, seed, compact=True).render()
            with open(os.path.join(a.out, f"review_{i:0{width}d}.arch"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        return 0
    text = Review(a.nodes, a.seed).render() if a.nodes is not None else by_bytes(a.bytes, a.seed)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
