#!/usr/bin/env python3
"""Fails when a translation is not complete: runs lupdate on a copy of the .ts file and lists
every string that is new or changed in the sources (unfinished) and every translated string the
sources no longer have (vanished). The .ts file itself is not touched.

    check_ts.py LUPDATE TS_FILE [-I DIR ...] SOURCE...

Fix: cmake --build build --target supportdesk_ui_lupdate, add the listed strings to the table in
fill_de.py, python3 resources/translations/fill_de.py, commit the .ts file.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    lupdate, ts_file, inputs = argv[1], argv[2], argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        # Same directory depth as the original is not needed: locations are not compared.
        copy = os.path.join(tmp, os.path.basename(ts_file))
        shutil.copyfile(ts_file, copy)
        # Without -no-obsolete, so strings gone from the sources stay in the copy, marked.
        run = subprocess.run([lupdate, "-locations", "none", *inputs, "-ts", copy],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if run.returncode != 0:
            print(run.stdout, file=sys.stderr)
            print(f"check_ts: lupdate failed ({run.returncode})", file=sys.stderr)
            return 1
        unfinished, vanished = [], []
        for context in ET.parse(copy).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                kind = message.find("translation").get("type", "")
                text = f'{name}: "{message.findtext("source")}"'
                if message.findtext("comment"):
                    text += f' (comment "{message.findtext("comment")}")'
                if kind == "unfinished":
                    unfinished.append(text)
                elif kind in ("vanished", "obsolete"):
                    vanished.append(text)
    for title, items in (("untranslated (new or changed in the sources)", unfinished),
                         ("vanished (no longer in the sources; run lupdate, it drops them)", vanished)):
        if items:
            print(f"{os.path.basename(ts_file)}: {len(items)} {title}:")
            for item in items:
                print(f"  {item}")
    if unfinished or vanished:
        print("Run: cmake --build build --target supportdesk_ui_lupdate; add the strings to "
              "resources/translations/fill_de.py; python3 resources/translations/fill_de.py")
        return 1
    print(f"{os.path.basename(ts_file)}: every string is translated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
