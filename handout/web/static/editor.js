// The editor's care for a coach's work, beyond what htmx does: nothing here is needed for the page to
// work (every button is a form post), but each part keeps work from being lost.
//
// 1. The sheet is kept in this browser (localStorage) after every change and brought back after a
//    reload, a Back or a closed tab.
// 2. A download pressed while an earlier press is still on its way waits for it: the file is the sheet
//    after the Add, not before. A download's problem is shown beside its field, in the page as it was.
// 3. What the coach types while the form is redrawn stays as typed.
// 4. A phone photo is brought down to print size in the browser before it is sent: a 12-megapixel photo
//    of 5 MB travels as a few hundred kilobytes.
// 5. The live preview is asked for 0.4 s after the typing stops (htmx's event filters would need eval,
//    which the page's Content-Security-Policy forbids).
// 6. The preview opens large, over the whole screen, to read and zoom on a phone.
// 7. An Add adds the stretch the coach sees: while the results of a search are on their way the old ones are
//    greyed and take no press, and the keyboard chooses among them (arrow keys in the search, Enter adds).
// 8. On a phone each stretch folds to one line with its picture, so the page stays short: the one just added,
//    the one being typed in, one with a problem and those the coach opened stay open.
// 9. The view stays still when the form is redrawn.
"use strict";

(() => {
  const STORE = "handout-editor";
  const PRINT_SIDE = 1600; // pixels on a photo's longest side: the server's own print size

  const editor = () => document.getElementById("editor");

  function fields(form) {
    const kept = [];
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && name !== "action") kept.push([name, value]);
    }
    return kept;
  }

  let startingAnew = false; // "Start a new sheet" was pressed: the page about to go is not kept

  function keep() {
    const form = editor();
    if (!form || startingAnew) return;
    try {
      // A photo is kept by its reference (sN-photo_ref): the server keeps the photo itself.
      localStorage.setItem(STORE, JSON.stringify(fields(form)));
    } catch {
      /* storage refused altogether (private window): nothing to keep */
    }
  }

  function kept() {
    try {
      const found = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(found) ? found : [];
    } catch {
      return [];
    }
  }

  function bringBack() {
    const form = editor();
    const saved = kept();
    const hasStretches = saved.some(([name]) => /^s\d+-name$/.test(name));
    if (!form || !window.htmx || form.querySelector("fieldset.stretch") || !hasStretches) return;
    const values = Object.fromEntries(saved);
    values.action = "restore";
    htmx.ajax("POST", "/edit", { target: "#editor", swap: "outerHTML", values });
  }

  // 2. A download waits for the presses before it (their requests to /edit), then goes with the form
  // as they left it. The requests are followed on their XMLHttpRequest: htmx's own events are sent to
  // the element that asked, which the redrawn form has taken out of the page.
  const editing = new Set();
  document.addEventListener("htmx:beforeSend", (event) => {
    const { xhr, requestConfig } = event.detail;
    if (!xhr || !requestConfig || requestConfig.path !== "/edit") return;
    editing.add(xhr);
    xhr.addEventListener("loadend", () => editing.delete(xhr));
  });
  const REDRAWING = ".htmx-swapping, .htmx-settling";
  document.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (!button || button.getAttribute("formaction") !== "/download" || !window.fetch || !window.htmx) return;
    if (button.dataset.plain === "yes") return; // the fetch failed: the browser's own post says why
    event.preventDefault();
    const until = Date.now() + 25000; // the server answers or gives up within 20 s
    const whenSettled = () => {
      if ((editing.size > 0 || document.querySelector(REDRAWING)) && Date.now() < until) {
        setTimeout(whenSettled, 50);
        return;
      }
      download(button.value);
    };
    whenSettled();
  });

  function fileName(disposition) {
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="([^"]*)"/i.exec(disposition);
    return plain ? plain[1] : "sheet";
  }

  // A download goes as a request of its own, so that a problem comes back as the editor with the message
  // beside its field, once, instead of a new page in place of the one the coach was working on.
  async function download(kind) {
    const form = editor();
    const button = form && form.querySelector(`button[formaction="/download"][value="${kind}"]`);
    if (!button) return;
    const data = new FormData(form, button);
    // The e-mail's addresses are the page's only fields the server does not send back.
    const addresses = ["email_from", "email_to"].map((id) => [id, (document.getElementById(id) || {}).value]);
    let response;
    try {
      response = await fetch("/download", { method: "POST", body: data, headers: { "HX-Request": "true" } });
    } catch {
      button.dataset.plain = "yes";
      form.requestSubmit(button); // the page's own way, which says what went wrong
      return;
    }
    const disposition = response.headers.get("Content-Disposition") || "";
    if (response.ok && disposition.startsWith("attachment")) {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = fileName(disposition);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      return;
    }
    htmx.swap("#editor", await response.text(), { swapStyle: "outerHTML" });
    for (const [id, value] of addresses) {
      const field = document.getElementById(id);
      if (field && value) field.value = value;
    }
    const alert = document.querySelector(".alert:not([hidden])");
    if (alert) alert.scrollIntoView({ block: "center" });
  }

  // 3. The field being typed in keeps what was typed while the server redrew the form.
  let typing = null;
  document.addEventListener("htmx:beforeSwap", () => {
    const active = document.activeElement;
    if (active && active.id && (active.tagName === "TEXTAREA" || (active.tagName === "INPUT" && active.type !== "file"))) {
      typing = { id: active.id, value: active.value, start: active.selectionStart, end: active.selectionEnd };
    } else {
      typing = null;
    }
  });
  document.addEventListener("htmx:afterSwap", () => {
    if (!typing) return;
    const field = document.getElementById(typing.id);
    if (field && field.value !== typing.value) {
      field.value = typing.value;
      field.focus();
      try {
        field.setSelectionRange(typing.start, typing.end);
      } catch {
        /* a field without a text cursor */
      }
    }
  });
  // The redrawn form may put the focus elsewhere (autofocus on the button just pressed, for keyboard
  // users): a coach still typing keeps the field, or the next keys would press that button.
  document.addEventListener("htmx:afterSettle", () => {
    if (!typing) return;
    const field = document.getElementById(typing.id);
    if (field && document.activeElement !== field) field.focus();
    typing = null;
  });

  // 4. Photos to print size before upload.
  async function printSized(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) return file;
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch {
      return file; // not an image the browser reads: the server says what is wrong with it
    }
    const scale = PRINT_SIDE / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return file;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff"; // transparent parts print on white paper
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.88));
    if (!blob) return file;
    const name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
    return new File([blob], name, { type: "image/jpeg" });
  }

  document.addEventListener(
    "change",
    async (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file" || !/-photo$/.test(input.name)) return;
      if (input.dataset.printSized === "yes" || !input.files || input.files.length !== 1) return;
      event.stopImmediatePropagation(); // htmx sends the photo once it is print-sized
      const smaller = await printSized(input.files[0]);
      const list = new DataTransfer();
      list.items.add(smaller);
      input.files = list.files;
      input.dataset.printSized = "yes";
      input.dispatchEvent(new Event("change", { bubbles: true }));
      delete input.dataset.printSized;
    },
    true,
  );

  // 7. The library search. `searching` is true from a key typed in the search until its results are in.
  const search = () => document.getElementById("q");
  const results = () => [...document.querySelectorAll("#library-grid button[name=action]:not([disabled])")];
  let searching = false;
  let sentQuery = null; // what the latest search asked for
  let chosen = 0; // the highlighted result: Enter in the search adds it
  let heldPress = ""; // "search" or "button": Enter pressed while searching, for the first new result

  function showSearching(on) {
    searching = on;
    const grid = document.getElementById("library-grid");
    if (!grid) return;
    grid.classList.toggle("searching", on);
    grid.setAttribute("aria-busy", String(on));
  }

  function choose(index, reveal = false) {
    const buttons = results();
    const status = document.getElementById("search-status");
    for (const card of document.querySelectorAll("#library-grid .card.chosen")) card.classList.remove("chosen");
    if (buttons.length === 0) {
      chosen = 0;
      if (status) status.textContent = "";
      return;
    }
    chosen = Math.max(0, Math.min(index, buttons.length - 1));
    const card = buttons[chosen].closest(".card");
    card.classList.add("chosen");
    if (reveal) card.scrollIntoView({ block: "nearest", inline: "nearest" }); // only when the arrows move it
    const name = (buttons[chosen].getAttribute("aria-label") || "").replace(/^Add /, "");
    const found = buttons.length === 1 ? "1 stretch found" : `${buttons.length} stretches found`;
    if (status) status.textContent = `${found}. Enter adds “${name}”; the arrow keys choose another.`;
  }

  function pressChosen() {
    const buttons = results();
    if (buttons.length > 0) buttons[chosen].click();
  }

  document.addEventListener("input", (event) => {
    if (event.target === search() && window.htmx) showSearching(true); // without htmx no search is on its way
  });
  document.addEventListener("htmx:beforeRequest", (event) => {
    if (event.detail.elt && event.detail.elt.id === "q") sentQuery = event.detail.elt.value;
  });
  // A search that failed brings no results: the old ones take presses again. (One replaced by a newer
  // search is aborted, which is none of these: the newer one's results are coming.)
  for (const failed of ["htmx:responseError", "htmx:sendError", "htmx:timeout"]) {
    document.addEventListener(failed, (event) => {
      if (event.detail.elt && event.detail.elt.id === "q") showSearching(false);
    });
  }
  let focusInGrid = false; // a result had the focus when the grid was swapped: the new first one gets it
  document.addEventListener("htmx:beforeSwap", () => {
    focusInGrid = Boolean(document.activeElement && document.activeElement.closest("#library-grid"));
  });
  document.addEventListener("htmx:afterSettle", (event) => {
    const path = event.detail.requestConfig && event.detail.requestConfig.path;
    const field = search();
    if (path === "/edit") {
      showSearching(false); // the redrawn editor's results are those of its search field
      choose(chosen);
      return;
    }
    if (path !== "/library" || (field && field.value !== sentQuery)) return; // more typed: its results come
    showSearching(false);
    const grid = document.getElementById("library-grid");
    // Results that just moved under the pointer take no click for a moment: it was aimed at the old ones.
    grid.classList.add("fresh");
    setTimeout(() => grid.classList.remove("fresh"), 250);
    choose(0);
    const buttons = results();
    const press = heldPress;
    heldPress = "";
    if (buttons.length === 0) return;
    if (press === "button" || (focusInGrid && document.activeElement === document.body)) buttons[0].focus();
    if (press) pressChosen();
  });
  // A press on a result while the search is still answering: a pointer's is dropped (the grid is greyed and
  // the coach presses again on what is shown); a key's is held and goes to the first of the new results.
  document.addEventListener(
    "click",
    (event) => {
      const grid = document.getElementById("library-grid");
      if (!(event.target instanceof Element) || !grid || !grid.contains(event.target)) return;
      const byKey = event.detail === 0;
      if (searching || (grid.classList.contains("fresh") && !byKey)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (searching && byKey) heldPress = "button"; // Enter or Space on a focused Add
      }
    },
    true,
  );
  document.addEventListener("keydown", (event) => {
    if (event.target !== search() || !window.htmx) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      choose(chosen + (event.key === "ArrowDown" ? 1 : -1), true);
    } else if (event.key === "Enter") {
      event.preventDefault(); // not the form's Update button
      if (searching) heldPress = "search";
      else pressChosen();
    }
  });

  // 8. Folding on a phone. What was open before the form was redrawn stays open (by number).
  const phone = window.matchMedia("(max-width: 560px)");
  const folds = () => [...document.querySelectorAll("details.fold")];
  let openBefore = null; // numbers of the stretches open before a redraw; null: the page was just loaded
  let stretchCount = null;
  let justAdded = 0; // opened because it was just added: an Add after it folds it again
  function fold() {
    const all = folds();
    const added = stretchCount !== null && all.length > stretchCount ? all.length : 0;
    stretchCount = all.length;
    if (added && openBefore) openBefore.delete(justAdded);
    if (added) justAdded = added;
    all.forEach((one, index) => {
      const number = index + 1;
      one.open =
        !phone.matches ||
        (openBefore !== null && openBefore.has(number)) ||
        number === added ||
        one.contains(document.activeElement) ||
        Boolean(one.querySelector(".alert:not([hidden])"));
    });
  }
  document.addEventListener("htmx:beforeSwap", () => {
    openBefore = new Set(folds().flatMap((one, index) => (one.open ? [index + 1] : [])));
  });
  document.addEventListener("htmx:afterSwap", fold);
  phone.addEventListener("change", fold);
  document.addEventListener("DOMContentLoaded", fold);

  // 9. The view stays still when the form is redrawn (a photo chosen, a stretch moved): the element pressed
  // or typed in is put back where it was on the screen, whatever grew or folded above it.
  let anchor = null;
  document.addEventListener("htmx:beforeSwap", (event) => {
    const pressed = event.detail.elt;
    const active = document.activeElement;
    const element = active && active.id && active !== document.body ? active : pressed;
    anchor = element && element.id ? { id: element.id, top: element.getBoundingClientRect().top } : null;
  });
  const putBack = () => {
    const element = anchor && document.getElementById(anchor.id);
    if (element && element.getClientRects().length > 0) {
      window.scrollBy(0, element.getBoundingClientRect().top - anchor.top);
    }
  };
  document.addEventListener("htmx:afterSwap", putBack);
  document.addEventListener("htmx:afterSettle", () => {
    putBack();
    anchor = null;
  });

  // 5. The live preview: the form's hx-trigger is "preview-due".
  let previewing = 0;
  const previewSoon = (delay) => (event) => {
    const target = event.target;
    if (!(target instanceof Element) || target.closest("[data-no-preview]")) return;
    if (target instanceof HTMLInputElement && target.type === "file") return;
    const form = editor();
    if (!form || !form.contains(target)) return;
    clearTimeout(previewing);
    previewing = setTimeout(() => htmx.trigger(editor(), "preview-due"), delay);
  };
  document.addEventListener("input", previewSoon(400));
  document.addEventListener("change", previewSoon(0));

  let keeping = 0;
  const keepSoon = () => {
    clearTimeout(keeping);
    keeping = setTimeout(keep, 300);
  };
  const showLarge = (large) => {
    document.body.classList.toggle("preview-large", large);
    for (const button of document.querySelectorAll("[data-enlarge]")) {
      button.textContent = large ? "Close the large preview" : "Open the preview large";
    }
  };
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    if (event.target.closest("[data-new-sheet]")) {
      startingAnew = true;
      localStorage.removeItem(STORE);
    }
    const large = document.body.classList.contains("preview-large");
    if (event.target.closest("[data-enlarge]") || (large && event.target.closest(".preview"))) showLarge(!large);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.classList.contains("preview-large")) showLarge(false);
  });
  // 6. The preview's Open large button works only with this script: the page shows it when the
  // script runs (a class on <html>, set once, so a redrawn preview never moves the buttons under a click).
  document.documentElement.classList.add("with-script");
  document.addEventListener("htmx:afterSettle", keepSoon);
  document.addEventListener("input", keepSoon);
  document.addEventListener("change", keepSoon);
  window.addEventListener("pagehide", keep); // a reload right after a change keeps it too
  document.addEventListener("DOMContentLoaded", bringBack);
})();
