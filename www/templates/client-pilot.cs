<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.clients.pilot_title) ?>
<nav class="breadcrumbs" aria-label="<?cs var:Lang.nav.breadcrumbs ?>"><a href="/clients"><?cs var:Lang.clients.title ?></a> › <a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a> › <span aria-current="page"><?cs var:Lang.clients.pilot ?></span></nav>
<div class="with-sidenav">
<?cs call:client_nav("pilot") ?>
<div>
<?cs if:Brand.firm_logo || Brand.client_logo ?><div class="brand-header"><?cs if:Brand.firm_logo ?><img class="brand-logo" src="/branding/logo" alt="<?cs var:User.firm ?>"><?cs /if ?>
<?cs if:Brand.client_logo ?><img class="brand-logo" src="/clients/<?cs var:Client.id ?>/logo" alt="<?cs var:Client.name ?>"><?cs /if ?></div><?cs /if ?>
<h1><?cs var:Lang.clients.pilot_title ?> · <?cs var:Client.name ?></h1>
<p class="lead"><?cs var:Lang.clients.pilot_lead ?></p>
<p class="actions"><a class="button" id="report-pdf" href="/clients/<?cs var:Client.id ?>/report.pdf" download><?cs var:Lang.deliv.download_pdf ?></a>
<a class="button secondary" id="report-docx" href="/clients/<?cs var:Client.id ?>/report.docx" download><?cs var:Lang.deliv.download_docx ?></a>
<a class="button secondary" href="/clients/<?cs var:Client.id ?>/report"><?cs var:Lang.report.link ?></a></p>
<section class="card"><h2><?cs var:Lang.clients.pilot_frameworks ?></h2>
<?cs call:error_summary() ?>
<?cs if:subcount(Adopted) == 0 ?><div class="empty"><p><?cs var:Lang.clients.pilot_frameworks_empty ?></p></div><?cs else ?>
<div class="table-wrap"><table><caption class="visually-hidden"><?cs var:Lang.clients.pilot_frameworks ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.pilot.framework ?></th><th scope="col"><?cs var:Lang.pilot.compliance ?></th><th scope="col" class="num"><?cs var:Lang.pilot.assessed_header ?></th></tr></thead>
<tbody><?cs each:f = Adopted ?><tr><td><a href="/clients/<?cs var:Client.id ?>/compliance?framework_id=<?cs var:f.framework_id ?>"><?cs var:f.name ?></a></td>
<td><?cs call:progress(f.compliance_pct, Lang.pilot.compliance) ?></td><td class="num"><?cs var:f.assessed ?> / <?cs var:f.total ?></td></tr><?cs /each ?></tbody></table></div><?cs /if ?>
<?cs if:subcount(Adoptable) > 0 ?><form method="post" action="/clients/<?cs var:Client.id ?>/frameworks" class="filters">
<?cs call:csrf() ?>
<div class="field<?cs if:Form.error.field == "framework_id" ?> has-error<?cs /if ?>"><label for="f-framework_id"><?cs var:Lang.pilot.adopt_label ?></label>
<select id="f-framework_id" name="framework_id"><?cs each:a = Adoptable ?><option value="<?cs var:a.id ?>"><?cs var:a.name ?></option><?cs /each ?></select>
<?cs call:field_error("framework_id") ?></div>
<button type="submit" class="button secondary"><?cs var:Lang.pilot.adopt ?></button>
</form><?cs /if ?>
<p class="small"><a href="/frameworks"><?cs var:Lang.pilot.catalogue ?></a></p></section>
<section class="card" id="pilot-risks"><h2><?cs var:Lang.risks.title ?></h2>
<?cs if:Heat.total == 0 ?><p class="muted"><?cs var:Lang.risks.pilot_empty ?></p><?cs else ?>
<?cs call:risk_levels(Heat.by_level) ?>
<div class="heat-maps"><?cs uvar:Heat.inherent_html ?><?cs uvar:Heat.residual_html ?></div><?cs /if ?>
<p class="small"><a href="/clients/<?cs var:Client.id ?>/risks"><?cs var:Lang.risks.open_register ?></a></p></section>
<section class="card" id="pilot-actions"><h2><?cs var:Lang.clients.pilot_actions ?></h2>
<p><?cs call:progress(Figures.done_pct, Lang.actions.done_share) ?></p>
<dl><dt><?cs var:Lang.clients.pilot_open ?></dt><dd><?cs var:Figures.open ?></dd><dt><?cs var:Lang.clients.pilot_done ?></dt><dd><?cs var:Figures.done ?></dd><dt><?cs var:Lang.clients.pilot_overdue ?></dt><dd><?cs if:Figures.overdue > 0 ?><a href="/clients/<?cs var:Client.id ?>/actions?overdue=1"><?cs var:Figures.overdue ?></a><?cs else ?>0<?cs /if ?></dd></dl>
<p class="small"><a href="/clients/<?cs var:Client.id ?>/actions"><?cs var:Lang.actions.open_plan ?></a></p></section>
<section class="card" id="pilot-resources"><h2><?cs var:Lang.resources.pilot_lead ?></h2>
<dl><?cs each:s = Lang.enums.resource_status ?><dt><?cs var:s ?></dt><dd><?cs if:Docs[name(s)] > 0 ?><a href="/clients/<?cs var:Client.id ?>/resources?status=<?cs name:s ?>"><?cs var:Docs[name(s)] ?></a><?cs else ?>0<?cs /if ?></dd><?cs /each ?></dl>
<p class="small"><a href="/clients/<?cs var:Client.id ?>/resources"><?cs var:Lang.resources.open_list ?></a></p></section>
<?cs # ---- external exposure (feature monitoring, module external_scan: app/ui-scans.c) ---- ?>
<?cs if:Exposure.shown ?><section class="card" id="pilot-exposure" aria-labelledby="pilot-exposure-title"><h2 id="pilot-exposure-title"><?cs var:Lang.scan.widget_title ?></h2>
<?cs if:Exposure.scanned == 0 ?><p class="muted"><?cs var:Lang.scan.widget_empty ?></p><?cs else ?>
<p class="small"><?cs var:Exposure.scanned ?> / <?cs var:Exposure.establishments ?> <?cs var:Lang.scan.widget_scanned ?></p>
<?cs call:scan_counts(Exposure.sev) ?>
<p class="small"><?cs var:Lang.scan.changes.new ?> <?cs var:Exposure.new ?> · <?cs var:Lang.scan.changes.fixed ?> <?cs var:Exposure.fixed ?></p>
<?cs if:subcount(Exposure.top) > 0 ?><h3><?cs var:Lang.scan.widget_top ?></h3>
<ul class="plain-list"><?cs each:t = Exposure.top ?><li><a href="/establishments/<?cs var:t.estab ?>/exposure"><?cs var:t.name ?></a> — <?cs call:scan_severity("high") ?> <?cs var:t.sev.high ?> <?cs call:scan_severity("medium") ?> <?cs var:t.sev.medium ?> <span class="small muted"><time datetime="<?cs var:t.scanned_at ?>"><?cs var:t.scanned_at_text ?></time></span></li><?cs /each ?></ul><?cs /if ?><?cs /if ?>
<?cs if:Client.module.external_scan ?><p class="small"><a href="/clients/<?cs var:Client.id ?>/scans"><?cs var:Lang.scan.open_scans ?></a></p><?cs /if ?></section><?cs /if ?>
<?cs # ---- end of external exposure ---- ?>
<?cs # ---- usage diagnostic feedback (module usage_diagnostic, feature feedback; app/ui-usage.c) ---- ?>
<?cs if:Usage.shown ?><section class="card" id="pilot-usage" aria-labelledby="pilot-usage-title"><h2 id="pilot-usage-title"><?cs var:Lang.usage.feedback_title ?></h2>
<?cs if:Usage.answers == 0 ?><p class="muted"><?cs var:Lang.usage.feedback_none ?></p><?cs else ?>
<p id="pilot-usage-score"><strong><?cs var:Lang.usage.feedback_score ?></strong> <?cs call:progress(Usage.score, Lang.usage.feedback_score) ?> · <?cs var:Lang.usage.feedback_answers ?> <?cs var:Usage.answers ?></p>
<?cs call:usage_sections(Usage.sections, Lang.usage.feedback_sections) ?>
<?cs if:subcount(Usage.establishments) > 0 ?><div class="table-wrap"><table id="pilot-usage-estabs"><caption><?cs var:Lang.usage.feedback_estabs ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.usage.estab_header ?></th><th scope="col"><?cs var:Lang.usage.score ?></th><th scope="col" class="num"><?cs var:Lang.usage.answers_header ?></th></tr></thead>
<tbody><?cs each:e = Usage.establishments ?><tr><td><a href="/establishments/<?cs var:e.establishment_id ?>"><?cs var:e.name ?></a></td><td><?cs call:progress(e.score, Lang.usage.score) ?></td><td class="num"><?cs var:e.answers ?></td></tr><?cs /each ?></tbody></table></div><?cs /if ?>
<h3><?cs var:Lang.usage.feedback_recent ?></h3>
<ul id="pilot-usage-recent"><?cs each:a = Usage.recent ?><li><time datetime="<?cs var:a.submitted_at ?>"><?cs var:string.slice(a.submitted_at, 0, 10) ?></time> — <?cs var:a.establishment_name ?> — <?cs if:a.score != "" ?><?cs var:a.score ?> %<?cs else ?>—<?cs /if ?></li><?cs /each ?></ul>
<p class="small"><a href="/clients/<?cs var:Client.id ?>/usage/answers"><?cs var:Lang.usage.feedback_all ?></a></p><?cs /if ?>
</section><?cs /if ?>
<?cs # ---- end of the usage diagnostic feedback ---- ?>
<section class="card"><h2><?cs var:Lang.clients.pilot_modules ?></h2>
<?cs if:subcount(Edit.modules) == 0 ?><p class="muted"><?cs var:Lang.clients.pilot_no_modules ?></p><?cs else ?><ul><?cs each:m = Edit.modules ?><li><?cs var:Lang.enums.module[name(m)] ?></li><?cs /each ?></ul><?cs /if ?></section>
<section class="card" id="pilot-activity"><h2><?cs var:Lang.clients.pilot_activity ?></h2>
<?cs if:subcount(Activity) == 0 ?><p class="muted"><?cs var:Lang.clients.pilot_activity_empty ?></p><?cs else ?>
<ul><?cs each:a = Activity ?><li><time datetime="<?cs var:a.at ?>"><?cs var:a.at_text ?></time> — <?cs if:Lang.audit[a.action] ?><?cs var:Lang.audit[a.action] ?><?cs else ?><?cs var:a.action ?><?cs /if ?></li><?cs /each ?></ul><?cs /if ?></section>
</div></div>
<?cs call:page_close() ?>
