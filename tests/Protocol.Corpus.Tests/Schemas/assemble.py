#!/usr/bin/env python3
"""Rebuilds tests/Protocol.Corpus.Tests/Schemas from npm packages (see README.md beside this file).

Usage: assemble.py <folder with the unpacked packages> <Schemas folder>
Each package is fetched with `npm pack <name>@<version>` and unpacked into <folder>/<name-version>/.
Every example is validated with the `jsonschema` package before it is written, so the corpus only
holds instances that are valid against the published schema.
"""
import copy, json, os, shutil, subprocess, sys
import jsonschema
import referencing, referencing.jsonschema

src, out = sys.argv[1], sys.argv[2]

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def dump(obj, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")

def no_remote(uri):
    raise LookupError(f"the corpus must be self-contained, but a schema refers to {uri}")

def validator_for(schema, definition):
    """A validator of one definition ('#' is the root) of the schema, refs resolved in the schema."""
    s = copy.deepcopy(schema)
    draft = s.get("$schema", "")
    cls = jsonschema.Draft202012Validator if "2020-12" in draft else \
          jsonschema.Draft4Validator if "draft-04" in draft else jsonschema.Draft7Validator
    if definition != "#":
        defs = "$defs" if "$defs" in s else "definitions"
        for k in list(s.keys()):
            if k not in (defs, "$schema", "$id"):
                del s[k]
        s["$ref"] = "#/" + defs + "/" + definition.replace("~", "~0").replace("/", "~1")
    return cls(s, registry=referencing.Registry(retrieve=no_remote))

def check(schema, examples, name):
    kept = {}
    for definition, instances in examples.items():
        v = validator_for(schema, definition)
        for i in instances:
            errors = list(v.iter_errors(i))
            if errors:
                print(f"{name}: drop invalid {definition} example: {errors[0].message[:120]}")
                continue
            kept.setdefault(definition, []).append(i)
    return kept

def place(name, schema_path, licence_paths, examples):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    shutil.copyfile(schema_path, os.path.join(folder, name + ".schema.json"))
    for lp in licence_paths:
        shutil.copyfile(lp, os.path.join(folder, os.path.basename(lp)))
    schema = load(schema_path)
    kept = check(schema, examples, name)
    dump(kept, os.path.join(folder, name + ".examples.json"))
    print(name, sum(len(v) for v in kept.values()), "examples")

hand = os.path.join(out, "hand-written")

# GitHub webhooks: the whole schema, and the first published example of each (event, action) that is
# valid against the schema (many are not: the examples lag behind the schema) and under 20 KB.
gh_schema = os.path.join(src, "octokit-webhooks-schemas-7.6.1/package/schema.json")
gh_full = load(gh_schema)
gh_defs = gh_full["definitions"]
gh_examples = {}
for event in load(os.path.join(src, "octokit-webhooks-examples-7.6.1/package/api.github.com/index.json")):
    for ex in event["examples"]:
        action = ex.get("action")
        definition = f"{event['name']}${action}" if action else f"{event['name']}$event"
        if definition in gh_defs and definition not in gh_examples and len(json.dumps(ex)) < 20_000 \
                and not list(validator_for(gh_full, definition).iter_errors(ex)):
            gh_examples[definition] = [ex]
place("github-webhooks", gh_schema, [], gh_examples)

# AsyncAPI 3.0.0: the bundled schema with plain definition names, and the examples the package ships
# per definition (examples/3.0.0/<definition>.json).
aa = os.path.join(src, "asy/package")
aa_schema = os.path.join(aa, "schemas/3.0.0-without-$id.json")
aa_defs = load(aa_schema)["definitions"]
aa_examples = {}
for f in sorted(os.listdir(os.path.join(aa, "examples/3.0.0"))):
    d = f[:-len(".json")]
    if d in aa_defs:
        aa_examples[d] = load(os.path.join(aa, "examples/3.0.0", f))
    else:
        print("asyncapi: no definition for example file", f)
place("asyncapi-3.0", aa_schema, [os.path.join(aa, "LICENSE"), os.path.join(aa, "NOTICE")], aa_examples)

# The rest: schemas as published, examples written by hand from each specification.
place("lsp-metamodel", os.path.join(src, "vscode-languageserver-protocol-3.18.5/package/metaModel.schema.json"),
      [os.path.join(src, "vscode-languageserver-protocol-3.18.5/package/License.txt")],
      load(os.path.join(hand, "lsp-metamodel.examples.json")))
place("mcp-apps", os.path.join(src, "modelcontextprotocol-ext-apps-2.0.4/package/dist/src/generated/schema.json"),
      [os.path.join(src, "modelcontextprotocol-ext-apps-2.0.4/package/LICENSE")],
      load(os.path.join(hand, "mcp-apps.examples.json")))
place("openapi-3.0", os.path.join(src, "oas/package/schemas/v3.0/schema.json"),
      [os.path.join(src, "oas/package/LICENSE")],
      load(os.path.join(hand, "openapi-3.0.examples.json")))
# The package ships its schema only inside JavaScript (an Ajv-compiled validator, as `schema22`).
subprocess.run(["node", "-e", """
const fs = require("fs");
const src = fs.readFileSync(process.argv[1], "utf8");
const literal = src.match(/const schema22 = (\\{.*?\\});\\n/s)[1];
fs.writeFileSync(process.argv[2], JSON.stringify(eval("(" + literal + ")"), null, 2) + "\\n");
""", os.path.join(src, "cloudevents-10.0.0/package/dist/schema/v1.js"), os.path.join(src, "cloudevents.schema.json")],
               check=True)
place("cloudevents", os.path.join(src, "cloudevents.schema.json"),
      [os.path.join(src, "cloudevents-10.0.0/package/LICENSE")],
      load(os.path.join(hand, "cloudevents.examples.json")))
