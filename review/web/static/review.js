// tend review: keyboard shortcuts and draft autosave for the review screen.
// The page works without this script (plain form submit); it only adds speed.
"use strict";
(function () {
  const form = document.getElementById("review");
  if (!form) return;
  const status = document.getElementById("status");
  const help = document.getElementById("help");
  const pairwise = form.classList.contains("pairwise");
  const rows = [];
  if (pairwise) rows.push(document.getElementById("choice-row"));
  document.querySelectorAll(".dim").forEach((d) => rows.push(d));
  let focus = 0;

  function showFocus() {
    rows.forEach((r, i) => r.classList.toggle("focused", i === focus));
    if (rows[focus]) rows[focus].scrollIntoView({ block: "nearest" });
  }
  function move(by) {
    focus = Math.max(0, Math.min(rows.length - 1, focus + by));
    showFocus();
  }
  rows.forEach((r, i) => r.addEventListener("click", () => { focus = i; showFocus(); }));

  function check(name, value) {
    const el = form.querySelector(`input[name="${name}"][value="${value}"]`);
    if (el) { el.checked = true; changed(); }
  }

  // Autosave: a draft is posted shortly after the last change.
  let timer = null;
  function changed() {
    clearTimeout(timer);
    status.textContent = "Unsaved changes…";
    timer = setTimeout(saveDraft, 700);
  }
  async function saveDraft() {
    try {
      const res = await fetch(form.dataset.draft, {
        method: "POST",
        headers: { "X-CSRF-Token": form.dataset.csrf, "Accept": "application/json" },
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin",
      });
      if (res.ok) {
        const t = new Date().toLocaleTimeString();
        status.textContent = "Draft saved " + t;
      } else if (res.status === 409) {
        status.textContent = "Already submitted: submit again to change it";
      } else {
        const body = await res.json().catch(() => ({}));
        status.textContent = "Not saved: " + (body.error || res.status);
      }
    } catch (e) {
      status.textContent = "Not saved (offline?); will retry on the next change";
    }
  }
  form.addEventListener("input", changed);
  form.addEventListener("submit", () => clearTimeout(timer));

  const rewrite = document.getElementById("rewrite");
  document.getElementById("start-rewrite").addEventListener("click", () => {
    let key = "a";
    if (pairwise) {
      const c = form.querySelector('input[name="choice"]:checked');
      key = c && c.value === "b" ? "b" : "a";
    }
    const reply = document.querySelector(`#reply-${key} .text`);
    if (reply && rewrite.value.trim() === "") { rewrite.value = reply.textContent.trim(); changed(); }
    rewrite.focus();
  });
  document.getElementById("help-toggle").addEventListener("click", () => { help.hidden = !help.hidden; });

  const flagKeys = {};
  form.querySelectorAll('.flags input[type="checkbox"]').forEach((el) => { flagKeys[el.dataset.key] = el; });

  let focusOnKeyup = null;
  document.addEventListener("keyup", () => {
    if (focusOnKeyup) { focusOnKeyup.focus(); focusOnKeyup = null; }
  });
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox");
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); return; }
    if (typing) { if (e.key === "Escape") t.blur(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    const row = rows[focus];
    if (k >= "1" && k <= "5") {
      if (pairwise && row && row.id === "choice-row") {
        if (k <= "3") { check("strength", k); move(1); }
      } else if (row) {
        check(row.dataset.dim, k);
        move(1);
      }
    } else if (k === "j" || k === "ArrowDown") { move(1); }
    else if (k === "k" || k === "ArrowUp") { move(-1); }
    else if (pairwise && (k === "a" || k === "b")) { check("choice", k); focus = 0; showFocus(); }
    else if (pairwise && k === "t") {
      check("choice", "tie");
      form.querySelectorAll('input[name="strength"]').forEach((el) => { el.checked = false; });
      move(1);
    }
    else if (flagKeys[k]) { flagKeys[k].checked = !flagKeys[k].checked; changed(); }
    // Focus moves on keyup, so the key's own character is not typed into
    // the box it opens.
    else if (k === "r") { focusOnKeyup = rewrite; }
    else if (k === "c") { focusOnKeyup = document.getElementById("comment"); }
    else if (k === "n") { form.requestSubmit(); }
    else if (k === "?") { help.hidden = !help.hidden; }
    else return;
    e.preventDefault();
  });
  showFocus();
})();
