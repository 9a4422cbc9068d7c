// Turns a chibo rubric file (docs/rubric-format.md) into a SurveyJS form definition: the same
// sheet as one meeting of the app, scored by SurveyJS expressions.
//
//   toggle  → boolean question shown as two radios (Đạt / Chưa đạt)
//   levels  → radiogroup, one choice per option, "(N điểm)" in its text
//   derived → expression question computed from the meeting facts (the rubric's bands, in order)
//   facts   → number inputs (date input for the date, a Yes/No for the repeated absence)
//   applies_if → enableIf; when_not_applicable: full_marks → full points, excluded → out of the
//   total and the sheet rescaled to max_points, as the app does
//   total   → an expression that sums the points (rounded, half up); rating → an expression too
//
// Usage: node survey-from-rubric.mjs ../../rubrics/hd42-2025.v1.json > survey.json
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const KINDS = [['regular', 'Thường kỳ'], ['thematic', 'Chuyên đề'], ['combined', 'Thường kỳ kết hợp chuyên đề']];
const OFFICERS = [['committee', 'Có chi ủy'], ['secretary_and_deputy', 'Bí thư và phó bí thư (không có chi ủy)'], ['only_secretary', 'Chỉ có bí thư']];
const OPS = { at_least: '>=', above: '>', at_most: '<=', below: '<' };
const JS_OPS = { at_least: (a, b) => a >= b, above: (a, b) => a > b, at_most: (a, b) => a <= b, below: (a, b) => a < b };

const list = (xs) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/** The SurveyJS condition for one rubric condition, and the facts it needs. */
function condition(c) {
  const cmp = Object.keys(OPS).find((k) => k in c);
  const t = c[cmp];
  const op = OPS[cmp];
  switch (c.measure) {
    case 'attendance': // present / required, per-mille, exact
      return { needs: ['f_present', 'f_required'], expr: `({f_required} > 0 and {f_present} * 1000 ${op} ${t} * {f_required})` };
    case 'speakers': // speakers / present, per-mille, exact
      return { needs: ['f_speakers', 'f_present'], expr: `({f_present} > 0 and {f_speakers} * 1000 ${op} ${t} * {f_present})` };
    case 'duration_ratio':
      return { needs: ['f_minutes'], expr: `({f_minutes} * 1000 ${op} ${t} * {thoi_luong_toi_thieu})` };
    case 'duration_margin':
      return { needs: ['f_minutes'], expr: `({f_minutes} - {thoi_luong_toi_thieu} ${op} ${t})` };
    case 'absent_without_reason':
      return { needs: ['f_absent_no_reason'], expr: `({f_absent_no_reason} ${op} ${t})` };
    case 'repeated_absence': { // 0/1: decide here which answer makes it hold
      const yes = JS_OPS[cmp](1, t);
      const no = JS_OPS[cmp](0, t);
      const expr = yes && no ? 'true' : yes ? '({f_repeated} = true)' : no ? '({f_repeated} = false)' : 'false';
      return { needs: ['f_repeated'], expr };
    }
    default:
      throw new Error(`unknown measure ${c.measure}`);
  }
}

function derivedExpression(item) {
  const needs = new Set();
  let expr = String(item.bands.at(-1).points);
  for (const band of item.bands.slice(0, -1).reverse()) {
    const conds = band.if.map(condition);
    conds.forEach((c) => c.needs.forEach((n) => needs.add(n)));
    expr = `iif(${conds.map((c) => c.expr).join(' and ')}, ${band.points}, ${expr})`;
  }
  // While a fact a condition needs is missing, the item scores 0 (as in the app).
  return `iif(${[...needs].map((n) => `{${n}} notempty`).join(' and ')}, ${expr}, 0)`;
}

function appliesExpression(a) {
  const parts = [];
  if (a.meeting_kinds) parts.push(`{loai_buoi} anyof ${list(a.meeting_kinds)}`);
  if (a.cell_officers) parts.push(`{cap_uy} anyof ${list(a.cell_officers)}`);
  return parts.join(' and ');
}

/** Points scored by `item` and the points it counts for (0 when excluded), as expressions. */
function pointsOf(item) {
  let p;
  if (item.kind === 'toggle') p = `iif({${item.id}} = true, ${item.max_points}, 0)`;
  else if (item.kind === 'levels') p = item.options.reduceRight((acc, o) => `iif({${item.id}} = '${o.id}', ${o.points}, ${acc})`, '0');
  else p = `{${item.id}}`;
  let max = String(item.max_points);
  if (item.applies_if) {
    const a = appliesExpression(item.applies_if);
    if (item.when_not_applicable === 'full_marks') p = `iif(${a}, ${p}, ${item.max_points})`;
    else { p = `iif(${a}, ${p}, 0)`; max = `iif(${a}, ${item.max_points}, 0)`; }
  }
  return { p, max };
}

function question(item) {
  const base = { name: item.id, title: item.title, description: item.guidance };
  if (item.applies_if) base.enableIf = appliesExpression(item.applies_if);
  if (item.kind === 'toggle') {
    return { type: 'boolean', ...base, renderAs: 'radio', swapOrder: true, labelTrue: 'Đạt', labelFalse: 'Chưa đạt', valueTrue: true, valueFalse: false };
  }
  if (item.kind === 'levels') {
    return { type: 'radiogroup', ...base, choices: item.options.map((o) => ({ value: o.id, text: `${o.label} (${o.points} điểm)` })) };
  }
  return { type: 'expression', ...base, title: `${item.title} (tự tính, tối đa ${item.max_points} điểm)`, expression: derivedExpression(item) };
}

export function surveyFromRubric(rubric) {
  const d = rubric.duration_rule;
  const minMinutes = `iif(({loai_buoi} = 'combined' and ${d.combined_minutes} > ${d.minutes})`
    + (d.large_cell ? ` or ({f_required} >= ${d.large_cell.min_required_members} and ${d.large_cell.minutes} > ${d.minutes})` : '')
    + `, ${Math.max(d.combined_minutes, d.large_cell?.minutes ?? 0)}, ${d.minutes})`;
  const num = (name, title, description) => ({ type: 'text', name, title, inputType: 'number', min: 0, ...(description ? { description } : {}) });
  const facts = {
    type: 'panel', name: 'so_lieu', title: 'Số liệu buổi sinh hoạt', elements: [
      { type: 'radiogroup', name: 'loai_buoi', title: 'Loại buổi', choices: KINDS.map(([value, text]) => ({ value, text })), defaultValue: 'regular' },
      { type: 'dropdown', name: 'cap_uy', title: 'Cấp ủy của chi bộ', choices: OFFICERS.map(([value, text]) => ({ value, text })), defaultValue: 'committee' },
      { type: 'text', name: 'f_date', title: 'Ngày họp', inputType: 'date' },
      num('f_minutes', 'Thời lượng (phút)'),
      num('f_required', 'Số đảng viên phải dự', 'Không tính người được miễn sinh hoạt.'),
      num('f_present', 'Có mặt'),
      num('f_absent_reason', 'Vắng có lý do'),
      num('f_absent_no_reason', 'Vắng không lý do'),
      num('f_speakers', 'Số đảng viên phát biểu'),
      { type: 'boolean', name: 'f_repeated', title: 'Có đảng viên vắng có lý do quá 3 lần liên tiếp trong năm không?', renderAs: 'radio', swapOrder: true, labelTrue: 'Có', labelFalse: 'Không', valueTrue: true, valueFalse: false },
      { type: 'expression', name: 'ty_le_du_hop_pct', title: 'Tỷ lệ dự họp (%)', expression: 'iif({f_required} > 0 and {f_present} notempty, round({f_present} * 100 / {f_required}, 1), 0)' },
      { type: 'expression', name: 'ty_le_phat_bieu_pct', title: 'Tỷ lệ phát biểu (%)', expression: 'iif({f_present} > 0 and {f_speakers} notempty, round({f_speakers} * 100 / {f_present}, 1), 0)' },
      { type: 'expression', name: 'thoi_luong_toi_thieu', title: 'Thời lượng tối thiểu (phút)', expression: minMinutes },
    ],
  };
  const items = rubric.groups.flatMap((g) => g.items);
  const pts = Object.fromEntries(items.map((i) => [i.id, pointsOf(i)]));
  const groups = rubric.groups.map((g) => ({
    type: 'panel', name: `g_${g.id}`, title: `${g.title} (${g.max_points} điểm)`, description: g.guidance,
    elements: [
      ...g.items.map(question),
      { type: 'expression', name: `diem_${g.id}`, title: 'Điểm nhóm', expression: g.items.map((i) => pts[i.id].p).join(' + ') },
    ],
  }));
  const sumP = items.map((i) => pts[i.id].p).join(' + ');
  const sumMax = items.map((i) => pts[i.id].max).join(' + ');
  const r = rubric.ratings;
  const full = rubric.full_marks_required_for_tot.map((id) => `(${pts[id].p}) = (${pts[id].max})`).join(' and ');
  const result = {
    type: 'panel', name: 'ket_qua', title: 'Kết quả buổi sinh hoạt', elements: [
      { type: 'expression', name: 'tong_diem', title: `Tổng điểm (/${rubric.max_points})`, expression: `round((${sumP}) * ${rubric.max_points} / (${sumMax}))` },
      { type: 'expression', name: 'xep_loai', title: 'Xếp loại', expression:
        `iif({tong_diem} >= ${r.tot} and ${full}, 'Tốt', iif({tong_diem} >= ${r.kha}, 'Khá', iif({tong_diem} >= ${r.trung_binh}, 'Trung bình', 'Kém')))` },
    ],
  };
  return {
    title: rubric.title,
    description: rubric.description,
    showQuestionNumbers: 'off',
    completeText: 'Hoàn thành',
    checkErrorsMode: 'onValueChanged',
    pages: [{ name: 'phieu', elements: [facts, ...groups, result] }],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? new URL('../../rubrics/hd42-2025.v1.json', import.meta.url);
  process.stdout.write(`${JSON.stringify(surveyFromRubric(JSON.parse(readFileSync(file, 'utf8'))), null, 2)}\n`);
}
