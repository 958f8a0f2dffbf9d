/* Next Round's dated plan: "Start my plan" dates each step of the 30-day plan,
 * and "Add to my calendar" writes an iCalendar file (RFC 5545) in the browser.
 *
 * The plan page holds the marker <div class="nr-plan" data-nr-plan></div> and
 * checklists with data-when ("days 3 to 7") and maybe data-remind (a sentence
 * with one day in it, "by business day 3"): the `when:` and `remind:` options
 * that nextround/parse/plan_days.py checks at build time. Day 1 is the start
 * date; "business day n" is the nth Monday-to-Friday day after it. The calendar
 * has an all-day event for each step and each reminder sentence, with an alarm
 * at 9:00 on its first day and a link to its step. The link is this page's
 * address; a copy opened from file:// links to the published page (its
 * canonical address) when the site has one, since a calendar cannot open a file.
 *
 * The start date is saved through nr.store (progress-store.js, section "plan").
 */
nextRound.module("plan", (nr) => {
  "use strict";

  const { make, store } = nr;

  const DAY = 864e5;
  // Days are UTC midnights, so a date never moves with the reader's time zone. A date is
  // shown as the page's language writes it, whatever the browser's language.
  const iso = (time) => new Date(time).toISOString().slice(0, 10);
  // One formatter for every date: making one costs a slow phone tens of milliseconds.
  // A step without a reminder asks for no date ("").
  let format;
  const shown = (time) =>
    Number.isFinite(time)
      ? (format ||= new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
          timeZone: "UTC",
          weekday: "short",
          month: "short",
          day: "numeric",
        })).format(new Date(time))
      : "";
  const today = () => Date.now() - new Date().getTimezoneOffset() * 6e4;
  const start = () => Date.parse(store.plan() + "T00:00Z"); // NaN without a plan

  /* [phrase, first day, last day] of the day phrase in `text`, in a plan that starts at `time`. */
  function span(time, text) {
    const [phrase, business, habil, ...days] = text.match(
      /(?:(business )?days? |días? (hábil(?:es)? )?)(\d+)(?: (?:to|a) (\d+))?/,
    );
    return [
      phrase,
      ...days.map((n = days[0]) => {
        let day = time;
        if (!business && !habil) return day + (n - 1) * DAY;
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

  /* ---- the calendar file ------------------------------------------------ */

  /* A TEXT value (RFC 5545, 3.3.11): backslash, comma and semicolon escaped, every kind
     of line break written as \n and every other control character left out, so no text,
     whatever reaches it, can start a property or an event of its own. */
  const escaped = (text) =>
    oneLine(text.replace(/[\\,;]/g, "\\$&").replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, "\\n"));
  /* Text with its control characters (C0 and C1, tab included) left out. */
  const oneLine = (text) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "");

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
UID:${oneLine(`${uid}-${date(time)}@${location.host || "next-round"}`)}
DTSTAMP:${new Date().toISOString().replace(/-|:|\.\d+/g, "")}
DTSTART;VALUE=DATE:${date(first)}
DTEND;VALUE=DATE:${date(last + DAY)}
SUMMARY:${escaped(summary)}
DESCRIPTION:${escaped(`${details}\n\n${page}#${list.id}`)}
URL:${oneLine(`${page}#${list.id}`)}
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:${escaped(summary)}
TRIGGER:PT9H
END:VALARM
END:VEVENT`);
    for (const [list, first, last, remind, day] of steps(time)) {
      const id = list.dataset.checklist;
      const items = [...list.querySelectorAll(".nr-checklist__text")].map((item) => item.textContent);
      const title = list.querySelector(".nr-checklist__title").textContent;
      add(id, list, nr.t("plan.event", { title }), items.join("\n"), first, last);
      if (remind) add(id + "-reminder", list, nr.t("plan.event", { title: remind }), remind, day);
    }
    // Escaped text holds no line break, so each line here is one content line.
    return (text + "\nEND:VCALENDAR\n").split("\n").map(fold).join("\r\n");
  }

  /* ---- the plan on its page ------------------------------------------- */

  function setupPlan(holder) {
    const input = make("input", "");
    Object.assign(input, { type: "date", min: "1970-01-01", max: "2999-12-31" });
    const label = make("label", "", nr.t("plan.start-date") + " ");
    label.append(input);
    const status = make("p", "");
    status.setAttribute("role", "status");
    const [begin, add, clear] = [
      () => {
        const day = input.value || iso(today());
        if (store.isPlanDate(day)) store.setPlan(day);
        else status.textContent = nr.t("plan.bad-date");
      },
      () => nr.download(calendar(start()), "next-round-plan.ics", "text/calendar"),
      () => store.setPlan(null),
    ].map((action) => {
      const button = make("button", "md-button nr-plan__button");
      button.type = "button";
      button.addEventListener("click", action);
      return button;
    });
    add.textContent = nr.t("plan.add");
    clear.textContent = nr.t("plan.clear");
    holder.append(label, begin, add, clear, status, make("p", "nr-notice"));

    return () => {
      const time = start();
      if (document.activeElement !== input) input.value = iso(time || today());
      begin.textContent = time ? nr.t("plan.change") : nr.t("plan.start");
      add.hidden = clear.hidden = !time;
      status.textContent = time ? nr.t("plan.starts", { date: shown(time) }) : "";
      document.querySelectorAll(".nr-plan__when").forEach((line) => line.remove());
      for (const [list, first, last, remind] of time ? steps(time) : []) {
        const line = make("p", "nr-plan__when");
        const days = first < last ? nr.t("plan.days", { first: shown(first), last: shown(last) }) : shown(first);
        line.append(make("strong", "", days), remind && " " + remind);
        list.querySelector(".nr-checklist__title").after(line);
      }
    };
  }

  nr.view(".nr-plan[data-nr-plan]", setupPlan);
});
