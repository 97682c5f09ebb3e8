<?cs include:"layout.cs" ?>
<?cs call:page_open(Estab.name) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <?cs if:Client.full ?><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a><?cs else ?><?cs var:Client.name ?><?cs /if ?> › <a href="<?cs var:Page.base ?>"><?cs var:Lang.estabs.title ?></a> › <span aria-current="page"><?cs var:Estab.name ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("establishments") ?>
<div>
<div class="page-head"><h1><?cs var:Estab.name ?></h1>
<p class="actions"><?cs call:estab_status_badge(Estab.status) ?> <?cs call:plan_badge(Estab.plan) ?></p></div>
<?cs call:error_summary() ?>
<?cs if:Estab.merged_into ?>
<p class="notice" id="merged-note"><?cs var:Lang.estabs.merged_into ?> <?cs if:Estab.merged_into_name ?><a href="/establishments/<?cs var:Estab.merged_into ?>"><?cs var:Estab.merged_into_name ?></a><?cs else ?>#<?cs var:Estab.merged_into ?><?cs /if ?><?cs if:Estab.merged_at ?> (<time datetime="<?cs var:Estab.merged_at ?>"><?cs var:string.slice(Estab.merged_at, 0, 10) ?></time>)<?cs /if ?>.</p>
<?cs elif:Estab.closed ?>
<p class="notice" id="closed-note"><?cs var:Lang.estabs.closed_note ?></p>
<?cs /if ?>
<?cs if:!Page.read ?><p class="notice"><?cs var:Lang.estabs.name_only ?></p><?cs /if ?>
<section class="card" aria-labelledby="profile-title"><h2 id="profile-title"><?cs var:Lang.estabs.profile ?></h2>
<?cs if:Page.may_edit ?>
<form method="post" action="/establishments/<?cs var:Estab.id ?>" novalidate id="profile-form">
<?cs call:csrf() ?>
<?cs each:f = Fields ?><?cs if:f.edit ?><?cs call:text_field(f.key, Lang.fields[f.key], f.value, f.type, "off", f.required) ?>
<?cs else ?><div class="field" id="ro-<?cs var:f.key ?>"><span class="label"><?cs var:Lang.fields[f.key] ?></span>
<p class="readonly-value"><?cs if:f.value != "" ?><?cs var:f.value ?><?cs else ?><span class="muted">—</span><?cs /if ?></p></div>
<?cs /if ?><?cs /each ?>
<p class="muted small"><?cs var:Lang.estabs.readonly_note ?></p>
<p><button type="submit" class="button"><?cs var:Lang.estabs.save ?></button></p>
</form>
<?cs else ?>
<dl id="profile-readonly"><?cs each:f = Fields ?><dt><?cs var:Lang.fields[f.key] ?></dt><dd class="readonly-value" id="ro-<?cs var:f.key ?>"><?cs if:f.value != "" ?><?cs var:f.value ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd><?cs /each ?></dl>
<?cs /if ?>
</section>
<?cs if:Page.read ?>
<section class="card" aria-labelledby="suggestions-title"><h2 id="suggestions-title"><?cs var:Lang.estabs.suggestions_title ?></h2>
<?cs if:subcount(Suggestions) == 0 ?><p class="muted"><?cs var:Lang.estabs.suggestions_none ?></p>
<?cs else ?><div class="table-wrap"><table id="suggestions-table">
<thead><tr><th scope="col"><?cs var:Lang.estabs.suggest_field ?></th><th scope="col"><?cs var:Lang.estabs.suggest_value ?></th><th scope="col"><?cs var:Lang.estabs.suggested_by ?></th><th scope="col"><?cs var:Lang.estabs.decision ?></th></tr></thead>
<tbody><?cs each:s = Suggestions ?><tr>
<td><?cs var:Lang.fields[s.field] ?></td><td><?cs if:s.value != "" ?><?cs var:s.value ?><?cs else ?><span class="muted"><?cs var:Lang.estabs.empty_value ?></span><?cs /if ?></td>
<td><?cs var:s.by ?> <span class="muted small"><time datetime="<?cs var:s.at ?>"><?cs var:string.slice(s.at, 0, 10) ?></time></span></td>
<td><?cs if:s.decide ?><div class="actions"><form method="post" action="/suggestions/<?cs var:s.id ?>/accept" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary"><?cs var:Lang.estabs.accept ?></button></form>
<form method="post" action="/suggestions/<?cs var:s.id ?>/reject" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary"><?cs var:Lang.estabs.reject ?></button></form></div>
<?cs else ?><span class="badge badge-warn"><?cs var:Lang.estabs.pending ?></span><?cs /if ?></td>
</tr><?cs /each ?></tbody></table></div><?cs /if ?>
<?cs if:Page.may_suggest ?>
<form method="post" action="/establishments/<?cs var:Estab.id ?>/suggestions" novalidate id="suggest-form">
<h3><?cs var:Lang.estabs.suggest_title ?></h3>
<p class="muted small"><?cs var:Lang.estabs.suggest_help ?></p>
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "field" ?> has-error<?cs /if ?>"><label for="f-field"><?cs var:Lang.estabs.suggest_field ?></label>
<select id="f-field" name="field"><?cs each:k = Suggest.fields ?><option value="<?cs var:k ?>"<?cs if:Suggest.field == k ?> selected<?cs /if ?>><?cs var:Lang.fields[k] ?></option><?cs /each ?></select>
<?cs call:field_error("field") ?></div>
<?cs call:text_field("value", Lang.estabs.suggest_value, Suggest.value, "text", "off", 0) ?>
<p><button type="submit" class="button secondary"><?cs var:Lang.estabs.suggest ?></button></p>
</form>
<?cs /if ?>
</section>
<?cs /if ?>
<section class="card" aria-labelledby="status-title"><h2 id="status-title"><?cs var:Lang.estabs.status ?></h2>
<p><?cs call:estab_status_badge(Estab.status) ?></p>
<?cs if:subcount(Actions) > 0 ?><p class="muted small"><?cs var:Lang.estabs.status_help ?></p>
<div class="actions" id="status-actions"><?cs each:a = Actions ?><form method="post" action="/establishments/<?cs var:Estab.id ?>/status" class="inline"><?cs call:csrf() ?><input type="hidden" name="action" value="<?cs var:a ?>"><button type="submit" class="button <?cs if:a == "close" ?>danger<?cs else ?>secondary<?cs /if ?>"<?cs if:a == "close" ?> data-confirm="<?cs var:Lang.estabs.close_confirm ?>"<?cs /if ?>><?cs var:Lang.enums.estab_action[a] ?></button></form>
<?cs /each ?></div><?cs /if ?>
</section>
<section class="card" aria-labelledby="plan-title"><h2 id="plan-title"><?cs var:Lang.estabs.plan ?></h2>
<p><?cs call:plan_badge(Estab.plan) ?></p>
<?cs if:Page.may_plan ?>
<form method="post" action="/establishments/<?cs var:Estab.id ?>/plan" novalidate id="plan-form">
<?cs call:csrf() ?>
<?cs call:enum_select("plan", Lang.estabs.plan, Lang.enums.plan, Estab.plan, "") ?>
<p><button type="submit" class="button secondary"><?cs var:Lang.clients.change_plan ?></button></p>
</form>
<?cs /if ?>
</section>
<?cs if:?Page.publications ?>
<section class="card" aria-labelledby="pub-title" id="publications"><h2 id="pub-title"><?cs var:Lang.publications.on_estab ?></h2>
<?cs if:subcount(Publications) == 0 ?><p class="muted"><?cs var:Lang.publications.none_on_estab ?></p><?cs else ?>
<ul class="plain-list"><?cs each:p = Publications ?><li><a href="/establishments/<?cs var:Estab.id ?>/publications/<?cs var:p.id ?>"><?cs var:p.title ?></a> <span class="muted small"><?cs var:Lang.enums.resource_type[p.type] ?> · <?cs var:Lang.resources.version ?> <?cs var:p.version ?> · <?cs var:Lang.publications.published_on ?> <time datetime="<?cs var:p.published_at ?>"><?cs var:string.slice(p.published_at, 0, 10) ?></time></span></li><?cs /each ?></ul>
<?cs if:#Page.publications > subcount(Publications) ?><p class="small muted"><?cs var:Lang.publications.more ?></p><?cs /if ?><?cs /if ?>
</section>
<?cs /if ?>
<?cs # ---- external exposure (feature monitoring, module external_scan: app/ui-scans.c) ---- ?>
<?cs if:Exposure.shown ?><section class="card" aria-labelledby="exposure-title" id="estab-exposure"><h2 id="exposure-title"><?cs var:Lang.scan.widget_title ?></h2>
<?cs if:Exposure.latest.scan ?><p class="small"><?cs var:Lang.scan.latest ?> · <time datetime="<?cs var:Exposure.latest.scanned_at ?>"><?cs var:Exposure.latest.scanned_at_text ?></time></p>
<?cs call:scan_counts(Exposure.latest.sev) ?>
<p class="small"><?cs var:Lang.scan.open_ports ?> <?cs var:Exposure.latest.open_ports ?> · <?cs if:Exposure.latest.previous ?><?cs var:Lang.scan.changes.new ?> <?cs var:Exposure.latest.new ?> · <?cs var:Lang.scan.changes.fixed ?> <?cs var:Exposure.latest.fixed ?><?cs else ?><?cs var:Lang.scan.first ?><?cs /if ?></p>
<?cs else ?><p class="muted"><?cs var:Lang.scan.exposure_empty ?></p><?cs /if ?>
<p class="small"><a href="/establishments/<?cs var:Estab.id ?>/exposure"><?cs var:Lang.scan.exposure_history ?></a><?cs if:Exposure.module ?> · <a href="/establishments/<?cs var:Estab.id ?>/scan-targets"><?cs var:Lang.scan.targets ?></a> · <a href="/clients/<?cs var:Client.id ?>/scans?establishment_id=<?cs var:Estab.id ?>"><?cs var:Lang.scan.estab_scans ?></a><?cs /if ?></p>
</section>
<?cs elif:Exposure.module ?><section class="card" aria-labelledby="scan-title" id="estab-scan"><h2 id="scan-title"><?cs var:Lang.scan.title ?></h2>
<p class="small"><a href="/establishments/<?cs var:Estab.id ?>/scan-targets"><?cs var:Lang.scan.targets ?></a> · <a href="/clients/<?cs var:Client.id ?>/scans?establishment_id=<?cs var:Estab.id ?>"><?cs var:Lang.scan.estab_scans ?></a></p>
</section><?cs /if ?>
<?cs # ---- end of external exposure ---- ?>
<?cs # ---- usage diagnostic feedback (module usage_diagnostic, feature feedback; app/ui-usage.c) ---- ?>
<?cs if:Usage.shown ?><section class="card" id="estab-usage" aria-labelledby="estab-usage-title"><h2 id="estab-usage-title"><?cs var:Lang.usage.feedback_title ?></h2>
<?cs if:Usage.answers == 0 ?><p class="muted"><?cs var:Lang.usage.feedback_none ?></p><?cs else ?>
<p id="estab-usage-score"><strong><?cs var:Lang.usage.feedback_score ?></strong> <?cs call:progress(Usage.score, Lang.usage.feedback_score) ?> · <?cs var:Lang.usage.feedback_answers ?> <?cs var:Usage.answers ?><?cs if:Usage.last_answer_at ?> · <?cs var:Lang.usage.feedback_last ?> <time datetime="<?cs var:Usage.last_answer_at ?>"><?cs var:string.slice(Usage.last_answer_at, 0, 10) ?></time><?cs /if ?></p>
<?cs call:usage_sections(Usage.sections, Lang.usage.feedback_sections) ?>
<h3><?cs var:Lang.usage.feedback_recent ?></h3>
<ul id="estab-usage-recent"><?cs each:a = Usage.recent ?><li><time datetime="<?cs var:a.submitted_at ?>"><?cs var:string.slice(a.submitted_at, 0, 10) ?></time> — <?cs if:a.score != "" ?><?cs var:a.score ?> %<?cs else ?>—<?cs /if ?></li><?cs /each ?></ul>
<?cs if:Usage.answers_link ?><p class="small"><a href="<?cs var:Usage.answers_link ?>"><?cs var:Lang.usage.feedback_all ?></a></p><?cs /if ?><?cs /if ?>
</section><?cs /if ?>
<?cs # ---- end of the usage diagnostic feedback ---- ?>
</div></div>
<?cs call:page_close() ?>
