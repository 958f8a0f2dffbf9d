/* Next Round checklists: the checkboxes, notes, the progress page, the dated plan.
 *
 * Each item has a Note button that opens a short note field; a saved note
 * shows under its item, on the progress page, and in print beside its item
 * (the label's data-note, which print.css shows). Reset clears ticks and notes.
 * Reader text is only ever set as text (textContent, value, attributes).
 *
 * A checklist's Print button prints that checklist alone: it marks the
 * checklist and the elements around it, and a class on <html> makes the print
 * stylesheet hide everything else until the browser reports `afterprint`.
 *
 * The dated plan: the plan page holds the marker <div class="nr-plan"
 * data-nr-plan></div> and checklists with data-when ("days 3 to 7") and maybe
 * data-remind (a sentence with one day in it, "by business day 3"): the
 * `when:` and `remind:` options that nextround/parse/plan_days.py checks at
 * build time. Day 1 is the start date; "business day n" is the nth
 * Monday-to-Friday day after it. "Add to my calendar" writes an iCalendar file
 * (RFC 5545) in the browser: an all-day event for each step and each reminder
 * sentence, with an alarm at 9:00 on its first day and a link to its step.
 * The link is this page's address; a copy opened from file:// links to the
 * published page (its canonical address) when the site has one, since a
 * calendar cannot open a file.
 *
 * Ticks, notes and the plan's start date are read and saved through
 * window.nextRoundProgress (progress-store.js, which describes the saved
 * format); nothing is sent anywhere. Runs on every page view, including
 * Material's instant navigation; every save redraws what is on the page.
 */
(() => {
  "use strict";

  const store = window.nextRoundProgress;
  if (!store) return;

  /* ---- small DOM helpers -------------------------------------------- */

  function make(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* A "3 of 8 done" text, a bar beside it, and a class on `holder` once all are done. */
  function makeBar() {
    const bar = make("progress", "nr-checklist__bar");
    bar.setAttribute("aria-hidden", "true");
    return bar;
  }

  function showProgress({ text, bar, holder, doneClass }, done, total) {
    text.textContent = `${done} of ${total} done`;
    bar.max = total;
    bar.value = done;
    holder.classList.toggle(doneClass, done === total);
  }

  function showNotices() {
    const notice = store.notice();
    document.querySelectorAll(".nr-notice").forEach((node) => {
      node.textContent = notice;
      node.hidden = !notice;
    });
  }

  /* ---- checklists ----------------------------------------------------- */

  function printAlone(list) {
    const marked = [];
    for (let node = list.parentElement; node && node !== document.documentElement; node = node.parentElement) {
      node.classList.add("nr-print-path");
      marked.push(node);
    }
    list.classList.add("nr-print-target");
    const root = document.documentElement;
    root.classList.add("nr-print-one");
    window.addEventListener(
      "afterprint",
      () => {
        root.classList.remove("nr-print-one");
        list.classList.remove("nr-print-target");
        marked.forEach((node) => node.classList.remove("nr-print-path"));
      },
      { once: true },
    );
    window.print();
  }

  /* An item's Note button, note field and saved note; returns show(note). */
  function setupNote(checklistId, li) {
    const label = li.querySelector(".nr-checklist__label");
    const toggle = make("button", "nr-note__toggle", "Note");
    toggle.type = "button";
    toggle.ariaLabel = "Note: " + label.textContent.trim();
    toggle.ariaExpanded = false;
    const saved = make("p", "nr-note__text");
    const editor = make("label", "nr-note__editor", "Your note, kept on this device");
    const field = make("textarea", "nr-note__field");
    field.maxLength = 280;
    editor.append(field);
    editor.hidden = true;
    const hint = label.nextElementSibling;
    (hint && hint.matches(".nr-checklist__hint") ? hint : label).after(saved, editor);
    label.after(toggle);

    function open(yes) {
      editor.hidden = !yes;
      saved.hidden = yes || !saved.textContent;
      toggle.ariaExpanded = yes;
      (yes ? field : toggle).focus();
    }
    toggle.addEventListener("click", () => open(editor.hidden));
    field.addEventListener("input", () => store.setNote(checklistId, li.dataset.item, field.value));
    return (note) => {
      saved.textContent = note;
      saved.hidden = !note || !editor.hidden;
      if (note) label.dataset.note = note;
      else delete label.dataset.note;
      if (document.activeElement !== field) field.value = note;
    };
  }

  function setupChecklist(list) {
    list.dataset.nrReady = "1";
    const id = list.dataset.checklist;
    const title = list.querySelector(".nr-checklist__title");
    const items = [...list.querySelectorAll(".nr-checklist__item[data-item]")].map((li) => ({
      id: li.dataset.item,
      box: li.querySelector("input[type=checkbox]"),
      note: setupNote(id, li),
    }));
    const status = make("p", "nr-checklist__status");
    status.setAttribute("role", "status");
    const bar = makeBar();
    const progress = { text: status, bar, holder: list, doneClass: "nr-checklist--done" };
    const name = title ? title.textContent : id;
    const reset = make("button", "nr-checklist__reset", "Reset");
    reset.type = "button";
    reset.setAttribute("aria-label", `Reset "${name}"`);
    const print = make("button", "nr-checklist__print", "Print");
    print.type = "button";
    print.setAttribute("aria-label", `Print "${name}"`);
    print.addEventListener("click", () => printAlone(list));
    const tools = make("div", "nr-checklist__tools");
    tools.append(status, bar, print, reset);
    list.append(tools, make("p", "nr-notice"));

    function show() {
      const ticked = new Set(store.ticks(id));
      const notes = store.notes(id);
      items.forEach((item) => {
        item.box.checked = ticked.has(item.id);
        item.note(notes.get(item.id) || "");
      });
      showProgress(progress, items.filter((item) => item.box.checked).length, items.length);
    }

    items.forEach((item) =>
      item.box.addEventListener("change", () =>
        store.setTicks(
          id,
          items.filter((i) => i.box.checked).map((i) => i.id),
        ),
      ),
    );
    reset.addEventListener("click", () => window.confirm(`Clear every tick and note in "${name}"?`) && store.reset(id));
    return show;
  }

  /* ---- the progress page --------------------------------------------- */

  /* Offer `text` as a download named `name`, made in this browser. */
  function download(text, name, type) {
    const link = make("a", "");
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  function setupProgressPage(registry) {
    registry.dataset.nrReady = "1";
    const rows = [...registry.querySelectorAll(".nr-registry__entry")].map((entry) => {
      const text = entry.querySelector(".nr-registry__count");
      const bar = makeBar();
      entry.append(bar);
      const progress = { text, bar, holder: entry, doneClass: "nr-registry__entry--done" };
      const notes = entry.querySelector(".nr-registry__notes");
      entry.append(notes); // after the bar
      const lines = [...notes.children].map((li) => [li, li.dataset.item, li.appendChild(make("span", "nr-note__text"))]);
      return { id: entry.dataset.checklist, items: entry.dataset.items.split(" "), progress, notes, lines };
    });
    const message = make("p", "nr-progress__message");
    message.setAttribute("role", "status");
    const picker = make("input", "nr-progress__file");
    picker.type = "file";
    picker.accept = "application/json,.json";
    picker.hidden = true;
    const buttons = [
      ["Export", () => download(store.exportText(), "next-round-progress.json", "application/json")],
      ["Import", () => picker.click()],
      ["Clear all", clearAll],
    ].map(([label, action]) => {
      const button = make("button", "md-button nr-progress__button", label);
      button.type = "button";
      button.addEventListener("click", action);
      return button;
    });
    const tools = make("div", "nr-progress__tools");
    tools.append(...buttons, picker);
    registry.before(tools, message, make("p", "nr-notice"));

    function show() {
      const lists = store.checklists();
      rows.forEach((row) => {
        const ticked = new Set(lists.get(row.id) || []);
        const done = row.items.filter((item) => ticked.has(item)).length;
        showProgress(row.progress, done, row.items.length);
        const notes = store.notes(row.id);
        row.lines.forEach(([li, item, note]) => (li.hidden = !(note.textContent = notes.get(item) || "")));
        row.notes.hidden = row.lines.every(([li]) => li.hidden);
      });
    }

    function say(text, isError) {
      message.textContent = text;
      message.classList.toggle("nr-progress__message--error", Boolean(isError));
    }

    function clearAll() {
      if (!window.confirm("Clear every tick, note, your plan and your details on this site?")) return;
      store.clear();
      showAll();
      say("All checklists are cleared.");
    }

    picker.addEventListener("change", async () => {
      const file = picker.files[0];
      picker.value = "";
      if (!file) return;
      const { data, problem } = await store.readFile(file);
      if (problem) return say(`${problem} Nothing was changed.`, true);
      if (!window.confirm("Replace your ticks, notes, plan and details with the ones in this file?")) return;
      if (!store.replace(data)) {
        return say(
          "Your ticks could not be imported: this browser's storage is full or turned off. " +
            "Your ticks are as they were.",
          true,
        );
      }
      showAll();
      say(`Progress imported from ${store.shorten(file.name)}.`);
    });
    return show;
  }

  /* ---- the dated plan ------------------------------------------------- */

  const DAY = 864e5;
  // Days are UTC midnights, so a date never moves with the reader's time zone.
  const iso = (time) => new Date(time).toISOString().slice(0, 10);
  const shown = (time) =>
    new Date(time).toLocaleDateString(undefined, { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" });
  const today = () => Date.now() - new Date().getTimezoneOffset() * 6e4;
  const start = () => Date.parse(store.plan() + "T00:00Z"); // NaN without a plan

  /* [phrase, first day, last day] of the day phrase in `text`, in a plan that starts at `time`. */
  function span(time, text) {
    const [phrase, business, ...days] = text.match(/(business )?days? (\d+)(?: to (\d+))?/);
    return [
      phrase,
      ...days.map((n = days[0]) => {
        let day = time;
        if (!business) return day + (n - 1) * DAY;
        while (n > 0) if (new Date((day += DAY)).getUTCDay() % 6) n--;
        return day;
      }),
    ];
  }

  /* Every step: [checklist, first day, last day, reminder sentence with its date, its day]. */
  const steps = (time) =>
    [...document.querySelectorAll(".nr-checklist[data-when]")].map((list) => {
      const { when, remind = "" } = list.dataset;
      const [phrase, day] = remind ? span(time, remind) : [];
      return [list, ...span(time, when).slice(1), remind.replace(phrase, shown(day)), day];
    });

  /* ---- the dated plan: its calendar file ------------------------------ */

  const escaped = (text) => text.replace(/[\\,;]/g, "\\$&").replace(/\n/g, "\\n");

  /* A content line folded before it passes 75 octets, never inside a character. */
  function fold(line) {
    let out = "";
    let size = 0;
    for (const char of line) {
      const length = new TextEncoder().encode(char).length;
      if ((size += length) > 75) [out, size] = [out + "\r\n ", length + 1];
      out += char;
    }
    return out;
  }

  function calendar(time) {
    const page = (location.protocol.startsWith("http") ? location : document.querySelector("link[rel=canonical]") || location).href.split("#")[0];
    const date = (day) => iso(day).replace(/-/g, "");
    let text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Next Round//Plan//EN\nCALSCALE:GREGORIAN";
    const add = (uid, list, summary, details, first, last = first) =>
      (text += `
BEGIN:VEVENT
UID:${uid}-${date(time)}@${location.host || "next-round"}
DTSTAMP:${new Date().toISOString().replace(/-|:|\.\d+/g, "")}
DTSTART;VALUE=DATE:${date(first)}
DTEND;VALUE=DATE:${date(last + DAY)}
SUMMARY:${escaped(summary)}
DESCRIPTION:${escaped(`${details}\n\n${page}#${list.id}`)}
URL:${page}#${list.id}
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:${escaped(summary)}
TRIGGER:PT9H
END:VALARM
END:VEVENT`);
    for (const [list, first, last, remind, day] of steps(time)) {
      const id = list.dataset.checklist;
      const items = [...list.querySelectorAll(".nr-checklist__text")].map((item) => item.textContent);
      add(id, list, "Next Round: " + list.querySelector(".nr-checklist__title").textContent, items.join("\n"), first, last);
      if (remind) add(id + "-reminder", list, "Next Round: " + remind, remind, day);
    }
    // Escaped text holds no line break, so each line here is one content line.
    return (text + "\nEND:VCALENDAR\n").split("\n").map(fold).join("\r\n");
  }

  /* ---- the dated plan: its page --------------------------------------- */

  function setupPlan(holder) {
    holder.dataset.nrReady = "1";
    const input = make("input", "");
    input.type = "date";
    const label = make("label", "", "Start date ");
    label.append(input);
    const status = make("p", "");
    status.setAttribute("role", "status");
    const [begin, add, clear] = [
      () => store.setPlan(input.value || iso(today())),
      () => download(calendar(start()), "next-round-plan.ics", "text/calendar"),
      () => store.setPlan(null),
    ].map((action) => {
      const button = make("button", "md-button nr-progress__button");
      button.type = "button";
      button.addEventListener("click", action);
      return button;
    });
    add.textContent = "Add to my calendar";
    clear.textContent = "Clear my plan";
    holder.append(label, begin, add, clear, status, make("p", "nr-notice"));

    return () => {
      const time = start();
      if (document.activeElement !== input) input.value = iso(time || today());
      begin.textContent = time ? "Change the start date" : "Start my plan";
      add.hidden = clear.hidden = !time;
      status.textContent = time ? `Your plan starts on ${shown(time)}.` : "";
      document.querySelectorAll(".nr-plan__when").forEach((line) => line.remove());
      for (const [list, first, last, remind] of time ? steps(time) : []) {
        const line = make("p", "nr-plan__when");
        line.append(make("strong", "", first < last ? `${shown(first)} to ${shown(last)}` : shown(first)), remind && " " + remind);
        list.querySelector(".nr-checklist__title").after(line);
      }
    };
  }

  /* ---- wiring ----------------------------------------------------------- */

  let views = []; // {node, show} for every checklist and registry set up

  function showAll() {
    views.forEach((view) => view.show());
    showNotices();
  }

  function main() {
    const lists = [...document.querySelectorAll(".nr-checklist[data-checklist]:not([data-nr-ready])")];
    const registry = document.querySelector("ul.nr-registry[data-nr-registry]:not([data-nr-ready])");
    const plan = document.querySelector(".nr-plan[data-nr-plan]:not([data-nr-ready])");
    if (!lists.length && !registry && !plan) return; // nothing new on this page
    store.newPage();
    views = views.filter((view) => document.contains(view.node));
    lists.forEach((list) => views.push({ node: list, show: setupChecklist(list) }));
    if (registry) views.push({ node: registry, show: setupProgressPage(registry) });
    if (plan) views.push({ node: plan, show: setupPlan(plan) });
    showAll();
  }

  store.watch(showAll); // after every save, here or in another tab

  // Material re-runs `document$` after each instant navigation; it does not
  // emit on file:// pages, so the first page is also set up on load.
  if (typeof document$ !== "undefined") document$.subscribe(main);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
  else main();
})();
