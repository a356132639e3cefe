// The editor's care for a coach's work, beyond what htmx does: nothing here is needed for the page to
// work (every button is a form post), but each part keeps work from being lost.
//
// 1. The sheet is kept in this browser (localStorage) after every change and brought back after a
//    reload, a Back or a closed tab.
// 2. A download pressed while an earlier press is still on its way waits for it: the file is the sheet
//    after the Add, not before.
// 3. What the coach types while the form is redrawn stays as typed.
// 4. A phone photo is brought down to print size in the browser before it is sent: a 12-megapixel photo
//    of 5 MB travels as a few hundred kilobytes.
// 5. The live preview is asked for 0.4 s after the typing stops (htmx's event filters would need eval,
//    which the page's Content-Security-Policy forbids).
// 6. The preview opens large, over the whole screen, to read and zoom on a phone.
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
    if (!button || button.getAttribute("formaction") !== "/download" || editing.size === 0) return;
    event.preventDefault();
    const value = button.value;
    const until = Date.now() + 25000; // the server answers or gives up within 20 s
    const retry = () => {
      if ((editing.size > 0 || document.querySelector(REDRAWING)) && Date.now() < until) {
        setTimeout(retry, 50);
        return;
      }
      const form = editor();
      const again = form && form.querySelector(`button[formaction="/download"][value="${value}"]`);
      if (again) form.requestSubmit(again);
    };
    setTimeout(retry, 50);
  });

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
