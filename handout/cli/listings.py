"""layouts, stretches and figures: what is bundled -> lines to read, or figure files for a website."""

from __future__ import annotations

import argparse

from handout.content.library import entries_for_muscle, entry_in, library
from handout.content.routine import library_stretches
from handout.errors import HandoutError
from handout.layout.layout_file import bundled_layouts, load_layout


def run_layouts(args: argparse.Namespace) -> int:
    layouts = bundled_layouts()
    name_width = max(len(layout.name) for layout in layouts)
    for layout in layouts:
        capacity = f"up to {layout.max_stretches} stretches"
        print(f"{layout.name:<{name_width}}  {capacity:<17}  {layout.description}")
    return 0


def run_stretches(args: argparse.Namespace) -> int:
    entries = library_stretches(args.lang)
    if args.muscle:
        chosen = set(entries_for_muscle(args.muscle))
        entries = [(entry_id, stretch) for entry_id, stretch in entries if entry_id in chosen]
        if not entries:
            raise HandoutError(
                f'no stretch in the library targets "{args.muscle[:40]}": try a word like hamstrings, '
                "calf, quadriceps, glutes, hip flexors, adductors or back"
            )
    id_width = max(len(entry_id) for entry_id, _ in entries)
    name_width = max(len(stretch.name) for _, stretch in entries)
    for entry_id, stretch in entries:
        print(f"{entry_id:<{id_width}}  {stretch.name:<{name_width}}  {stretch.target}")
    return 0


def run_figures(args: argparse.Namespace) -> int:
    from handout.share.figure_export import contact_sheet, export_figures

    if args.sheet is not None:
        entries = (entry_in(entry_id, args.lang) for entry_id in library())
        names = {str(entry["image"]): str(entry["name"]) for entry in entries}
        count = contact_sheet(args.sheet, load_layout("grid"), names, force=args.force)
        print(f"{count} figures on {args.sheet}")
        return 0
    written = export_figures(args.output, load_layout("grid"), force=args.force)
    print(f"{len(written)} files written to {args.output}")
    return 0
