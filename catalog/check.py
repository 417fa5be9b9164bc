#!/usr/bin/env python3
"""Self-check of the seed catalog: schema, enums, counts and cross-references.

Usage: python3 catalog/check.py [catalog-dir]
Needs PyYAML. Prints one line per problem and exits 1 if there is any, else prints a summary.
"""
import pathlib
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check.py needs PyYAML (python3 -m pip install pyyaml, or apt-get install python3-yaml)")

ROOT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
TASKS = {"text-embedding", "text-classification", "image-embedding", "image-classification",
         "object-detection", "text-generation", "speech-recognition"}
MODALITIES = {"text", "image", "multimodal", "audio", "tensor"}
DEPLOYMENTS = {"Cloud", "Private"}
KINDS = {"ModelVendor", "Integrator", "HardwareVendor"}
PRECISIONS = {"fp32", "fp16", "bf16", "int8", "int4"}
ADAPTERS = {"text", "image", "tensor"}
ELEMENT_TYPES = {"float32", "float16", "bfloat16", "int64", "int32", "int8", "uint8", "bool"}
LICENSE = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")
PRICE_FIELDS = {
    "model": {"per1kInferencesMinor", "monthlyMinor", "onPremLicenseMinor"},
    "integrator": {"fixedFeeMinor", "dayRateMinor", "monthlySupportMinor"},
    "hardware": {"purchasePriceMinor", "monthlyLeaseMinor"},
}
MINIMUMS = {"industries": 7, "partners": 8, "models": 12, "integrators": 10, "hardware": 12}

problems = []


def fail(where, message):
    problems.append(f"{where}: {message}")


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


def str_list(where, key, value, allowed=None, pattern=None, nonempty=True):
    if not isinstance(value, list) or (nonempty and not value):
        fail(where, f"{key} must be a non-empty list")
        return []
    for item in value:
        if not isinstance(item, str):
            fail(where, f"{key} has a non-string item {item!r} (quote NO, ON, YES …)")
        elif allowed is not None and item not in allowed:
            fail(where, f"{key} has unknown value {item!r}")
        elif pattern is not None and not pattern.match(item):
            fail(where, f"{key} has malformed value {item!r}")
    return value


def check_keys(where, doc, required, optional=()):
    if not isinstance(doc, dict):
        fail(where, "must be a mapping")
        return False
    for key in required:
        if key not in doc:
            fail(where, f"missing key {key}")
    for key in doc:
        if key not in required and key not in optional:
            fail(where, f"unknown key {key}")
    return True


def check_text(where, doc, key, max_len=None):
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        fail(where, f"{key} must be a non-empty string")
    elif max_len is not None and len(value) > max_len:
        fail(where, f"{key} is {len(value)} characters, more than {max_len}")


def check_regions(where, doc):
    regions = str_list(where, "regions", doc.get("regions"))
    for r in regions:
        if isinstance(r, str) and r != "GLOBAL" and not COUNTRY.match(r):
            fail(where, f"region {r!r} is neither GLOBAL nor an ISO 3166 alpha-2 code")
    if "GLOBAL" in regions and len(regions) > 1:
        fail(where, "GLOBAL must stand alone in regions")


def check_pricing(where, doc, kind):
    pricing = doc.get("pricing")
    if not isinstance(pricing, dict):
        fail(where, "pricing must be a mapping")
        return
    if pricing.get("currency") != "USD":
        fail(where, "pricing.currency must be USD")
    fields = [k for k in pricing if k != "currency"]
    if not fields:
        fail(where, "pricing needs at least one price field")
    for k in fields:
        if k not in PRICE_FIELDS[kind]:
            fail(where, f"pricing.{k} is not a {kind} price field")
        elif not is_int(pricing[k]) or pricing[k] < 0:
            fail(where, f"pricing.{k} must be a non-negative integer (minor units)")


def check_sources(where, doc):
    sources = str_list(where, "sources", doc.get("sources"))
    for s in sources:
        if isinstance(s, str) and not (s.startswith("https://") or s.startswith("nuget:")):
            fail(where, f"source {s!r} is neither an https URL nor a nuget: reference")


def load_dir(name):
    out = {}
    for path in sorted((ROOT / name).glob("*.yaml")):
        where = f"{name}/{path.name}"
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            fail(where, f"not valid YAML: {e}")
            continue
        if not isinstance(doc, dict):
            fail(where, "must be a mapping")
            continue
        if doc.get("id") != path.stem:
            fail(where, f"id {doc.get('id')!r} does not match the file name")
        if not isinstance(doc.get("id"), str) or not ID.match(doc.get("id", "")):
            fail(where, "id must match [a-z0-9-]")
        out[path.stem] = (where, doc)
    for path in (ROOT / name).iterdir():
        if path.is_file() and path.suffix != ".yaml":
            fail(f"{name}/{path.name}", "unexpected file (entities are <id>.yaml)")
    return out


def main():
    # industries
    industries = {}
    scenario_ids = set()
    ind_doc = yaml.safe_load((ROOT / "industries.yaml").read_text(encoding="utf-8"))
    if not isinstance(ind_doc, list):
        fail("industries.yaml", "must be a YAML sequence")
        ind_doc = []
    for i, ind in enumerate(ind_doc):
        where = f"industries.yaml[{i}]"
        if not check_keys(where, ind, ["id", "name", "description", "scenarios"]):
            continue
        iid = ind.get("id")
        if not isinstance(iid, str) or not ID.match(iid):
            fail(where, "id must match [a-z0-9-]")
        elif iid in industries:
            fail(where, f"duplicate industry id {iid}")
        industries[iid] = ind
        check_text(where, ind, "name")
        check_text(where, ind, "description")
        scenarios = ind.get("scenarios")
        if not isinstance(scenarios, list) or not 2 <= len(scenarios) <= 3:
            fail(where, "needs 2–3 scenarios")
            scenarios = scenarios if isinstance(scenarios, list) else []
        for j, sc in enumerate(scenarios):
            sw = f"{where}.scenarios[{j}]"
            if not check_keys(sw, sc, ["id", "name", "description", "task", "modality",
                                       "typicalRequestsPerSecond", "latencyTargetMs", "deployment", "dataRules"]):
                continue
            sid = sc.get("id")
            if not isinstance(sid, str) or not ID.match(sid):
                fail(sw, "id must match [a-z0-9-]")
            elif sid in scenario_ids:
                fail(sw, f"duplicate scenario id {sid}")
            scenario_ids.add(sid)
            for k in ("name", "description", "dataRules"):
                check_text(sw, sc, k)
            if sc.get("task") not in TASKS:
                fail(sw, f"task {sc.get('task')!r} not in {sorted(TASKS)}")
            if sc.get("modality") not in MODALITIES:
                fail(sw, f"modality {sc.get('modality')!r} unknown")
            if sc.get("deployment") not in DEPLOYMENTS:
                fail(sw, "deployment must be Cloud or Private")
            if not is_num(sc.get("typicalRequestsPerSecond")) or sc["typicalRequestsPerSecond"] <= 0:
                fail(sw, "typicalRequestsPerSecond must be a positive number")
            if not is_int(sc.get("latencyTargetMs")) or sc["latencyTargetMs"] <= 0:
                fail(sw, "latencyTargetMs must be a positive integer")

    def industry_refs(where, doc):
        for ref in str_list(where, "industries", doc.get("industries")):
            if ref not in industries:
                fail(where, f"industry {ref!r} does not exist")

    # partners
    partners = load_dir("partners")
    for pid, (where, p) in partners.items():
        if not check_keys(where, p, ["id", "name", "fictional", "legalName", "country", "taxId",
                                     "website", "contactEmail", "kinds", "description"]):
            continue
        if p.get("fictional") is not True:
            fail(where, "fictional must be true")
        for k in ("name", "legalName", "description"):
            check_text(where, p, k)
            if "fictional" not in str(p.get(k, "")).lower():
                fail(where, f"{k} must say it is fictional")
        if not isinstance(p.get("country"), str) or not COUNTRY.match(p["country"]):
            fail(where, "country must be an ISO 3166 alpha-2 code (quote \"NO\")")
        if not re.match(r"^FICT-[A-Z]{2}-\d+$", str(p.get("taxId", ""))):
            fail(where, "taxId must look like FICT-<country>-<digits>")
        elif p["taxId"][5:7] != p.get("country"):
            fail(where, "taxId country does not match country")
        if not re.match(r"^https://[a-z0-9-]+(\.[a-z0-9-]+)*\.example/?$", str(p.get("website", ""))):
            fail(where, "website must be https://<name>.example")
        if not re.match(r"^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.example$", str(p.get("contactEmail", ""))):
            fail(where, "contactEmail must be at a .example domain")
        str_list(where, "kinds", p.get("kinds"), allowed=KINDS)

    def partner_ref(where, doc, kind):
        pid = doc.get("partner")
        if pid not in partners:
            fail(where, f"partner {pid!r} does not exist")
        elif kind not in partners[pid][1].get("kinds", []):
            fail(where, f"partner {pid!r} is not a {kind}")

    # models
    models = load_dir("models")
    tensor_keys = ["name", "elementType", "shape"]
    for mid, (where, m) in models.items():
        if not check_keys(where, m, ["id", "partner", "name", "summary", "description", "task", "modality",
                                     "license", "parameterCount", "precision", "memoryFootprintMb",
                                     "deployment", "adapter", "inputs", "outputs", "industries", "regions",
                                     "tags", "pricing", "sources"], ["flopsPerInference", "adapterSettings", "artifact"]):
            continue
        partner_ref(where, m, "ModelVendor")
        check_text(where, m, "name")
        check_text(where, m, "summary", 160)
        check_text(where, m, "description")
        if m.get("task") not in TASKS:
            fail(where, f"task {m.get('task')!r} unknown")
        if m.get("modality") not in MODALITIES:
            fail(where, f"modality {m.get('modality')!r} unknown")
        if not isinstance(m.get("license"), str) or not LICENSE.match(m["license"]):
            fail(where, "license must be a lower-case SPDX-style id")
        if not is_int(m.get("parameterCount")) or m["parameterCount"] <= 0:
            fail(where, "parameterCount must be a positive integer")
        if m.get("precision") not in PRECISIONS:
            fail(where, f"precision {m.get('precision')!r} unknown")
        if not is_int(m.get("memoryFootprintMb")) or m["memoryFootprintMb"] <= 0:
            fail(where, "memoryFootprintMb must be a positive integer")
        elif is_int(m.get("parameterCount")) and m.get("precision") in PRECISIONS:
            bytes_per = {"fp32": 4, "fp16": 2, "bf16": 2, "int8": 1, "int4": 0.5}[m["precision"]]
            expected = -(-int(m["parameterCount"] * bytes_per) // 2**20)
            if m["memoryFootprintMb"] != expected:
                fail(where, f"memoryFootprintMb {m['memoryFootprintMb']} != parameterCount × bytes ÷ 2^20 = {expected}")
        str_list(where, "deployment", m.get("deployment"), allowed=DEPLOYMENTS)
        if m.get("adapter") not in ADAPTERS:
            fail(where, f"adapter {m.get('adapter')!r} unknown")
        for key in ("inputs", "outputs"):
            tensors = m.get(key)
            if not isinstance(tensors, list) or not tensors:
                fail(where, f"{key} must be a non-empty list")
                continue
            for t in tensors:
                tw = f"{where} {key}"
                if not check_keys(tw, t, tensor_keys):
                    continue
                if t.get("elementType") not in ELEMENT_TYPES:
                    fail(tw, f"elementType {t.get('elementType')!r} unknown")
                shape = t.get("shape")
                if not isinstance(shape, list) or not shape or not all(is_int(d) and (d == -1 or d > 0) for d in shape):
                    fail(tw, f"shape of {t.get('name')} must be a list of positive integers or -1")
        if "flopsPerInference" in m and (not is_num(m["flopsPerInference"]) or m["flopsPerInference"] <= 0):
            fail(where, "flopsPerInference must be a positive number")
        industry_refs(where, m)
        check_regions(where, m)
        str_list(where, "tags", m.get("tags"))
        check_pricing(where, m, "model")
        check_sources(where, m)

    # hardware
    hardware = load_dir("hardware")
    for hid, (where, h) in hardware.items():
        cpu_only = h.get("acceleratorType") == "none"
        required = ["id", "partner", "name", "summary", "acceleratorType", "acceleratorCount",
                    "memoryBandwidthGbps", "cpu", "ramGb", "powerWatts", "formFactor", "leadTimeWeeks",
                    "regions", "pricing", "sources"]
        optional = ["peakFp16Tflops", "memoryPerAcceleratorGb", "peakBf16Tflops"]
        if not cpu_only:
            required += ["memoryPerAcceleratorGb", "peakBf16Tflops"]
        if not check_keys(where, h, required, optional):
            continue
        partner_ref(where, h, "HardwareVendor")
        for k in ("name", "cpu", "formFactor", "acceleratorType"):
            check_text(where, h, k)
        check_text(where, h, "summary", 160)
        if "fictional" not in str(h.get("name", "")).lower():
            fail(where, "name must say the product is fictional")
        count = h.get("acceleratorCount")
        if not is_int(count) or (count != 0 if cpu_only else count < 1):
            fail(where, "acceleratorCount must be 0 for CPU-only servers and ≥ 1 otherwise")
        for k in ("memoryPerAcceleratorGb", "peakBf16Tflops", "peakFp16Tflops", "memoryBandwidthGbps"):
            if k in h and (not is_num(h[k]) or h[k] <= 0):
                fail(where, f"{k} must be a positive number")
        for k in ("ramGb", "powerWatts", "leadTimeWeeks"):
            if not is_int(h.get(k)) or h[k] <= 0:
                fail(where, f"{k} must be a positive integer")
        check_regions(where, h)
        check_pricing(where, h, "hardware")
        check_sources(where, h)

    # integrators
    integrators = load_dir("integrators")
    covered = set()
    for iid, (where, it) in integrators.items():
        if not check_keys(where, it, ["id", "partner", "name", "summary", "description", "capabilities",
                                      "industries", "regions", "certifiedModels", "certifiedHardware",
                                      "deliveryCapacityPerQuarter", "leadTimeWeeks", "pricing"]):
            continue
        partner_ref(where, it, "Integrator")
        check_text(where, it, "name")
        if "fictional" not in str(it.get("name", "")).lower():
            fail(where, "name must say the offering is fictional")
        check_text(where, it, "summary", 160)
        check_text(where, it, "description")
        str_list(where, "capabilities", it.get("capabilities"), pattern=ID)
        industry_refs(where, it)
        covered.update(x for x in it.get("industries", []) if isinstance(x, str))
        check_regions(where, it)
        for ref in str_list(where, "certifiedModels", it.get("certifiedModels")):
            if ref not in models:
                fail(where, f"certified model {ref!r} does not exist")
        for ref in str_list(where, "certifiedHardware", it.get("certifiedHardware")):
            if ref not in hardware:
                fail(where, f"certified hardware {ref!r} does not exist")
        for k in ("deliveryCapacityPerQuarter", "leadTimeWeeks"):
            if not is_int(it.get(k)) or it[k] <= 0:
                fail(where, f"{k} must be a positive integer")
        check_pricing(where, it, "integrator")

    # ids unique across listing kinds (listings share one id space in the catalog)
    seen = {}
    for kind, items in (("models", models), ("integrators", integrators), ("hardware", hardware)):
        for lid in items:
            if lid in seen:
                fail(f"{kind}/{lid}.yaml", f"id also used in {seen[lid]}")
            seen[lid] = kind

    counts = {"industries": len(industries), "partners": len(partners), "models": len(models),
              "integrators": len(integrators), "hardware": len(hardware)}
    for k, minimum in MINIMUMS.items():
        if counts[k] < minimum:
            fail(k, f"{counts[k]} found, at least {minimum} required")
    if len(covered) < 6:
        fail("integrators", f"cover {len(covered)} industries, at least 6 required")
    for kind in KINDS:
        if not any(kind in p.get("kinds", []) for _, p in partners.values()):
            fail("partners", f"no partner of kind {kind}")

    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print(", ".join(f"{v} {k}" for k, v in counts.items())
          + f"; integrators cover {len(covered)} industries; all references resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
