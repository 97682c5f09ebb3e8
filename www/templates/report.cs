<?cs include:"layout.cs" ?>
<?cs call:page_open(Lang.report.title + " · " + Client.name) ?>
<div class="report">
<p class="no-print"><a href="/clients/<?cs var:Client.id ?>/pilot"><?cs var:Lang.report.back ?></a> · <?cs var:Lang.report.print_help ?>
· <a href="/clients/<?cs var:Client.id ?>/report.pdf" download><?cs var:Lang.deliv.download_pdf ?></a> · <a href="/clients/<?cs var:Client.id ?>/report.docx" download><?cs var:Lang.deliv.download_docx ?></a></p>
<section class="report-cover">
<?cs if:Brand.firm_logo || Brand.client_logo ?><div class="brand-header"><?cs if:Brand.firm_logo ?><img class="brand-logo" src="/branding/logo" alt="<?cs var:Report.firm ?>"><?cs /if ?>
<?cs if:Brand.client_logo ?><img class="brand-logo" src="/clients/<?cs var:Client.id ?>/logo" alt="<?cs var:Client.name ?>"><?cs /if ?></div><?cs /if ?>
<p class="report-firm"><?cs var:Report.firm ?></p>
<h1><?cs var:Lang.report.title ?></h1>
<p class="report-client"><?cs var:Client.name ?></p>
<dl>
<dt><?cs var:Lang.clients.mission_type ?></dt><dd><?cs var:Lang.enums.mission_type[Report.mission_type] ?></dd>
<dt><?cs var:Lang.clients.plan ?></dt><dd><?cs var:Lang.enums.plan[Report.plan] ?></dd>
<dt><?cs var:Lang.clients.team ?></dt><dd><?cs each:t = Report.team ?><?cs var:t ?><?cs if:!last(t) ?>, <?cs /if ?><?cs /each ?></dd>
<dt><?cs var:Lang.report.date ?></dt><dd><time datetime="<?cs var:Report.date ?>"><?cs var:Report.date ?></time></dd>
</dl>
</section>
<section class="report-section"><h2><?cs var:Lang.report.summary ?></h2>
<ul class="report-figures">
<li><strong><?cs var:subcount(Adopted) ?></strong> <?cs var:Lang.report.frameworks ?></li>
<li><strong><?cs if:Heat.total ?><?cs var:Heat.total ?><?cs else ?>0<?cs /if ?></strong> <?cs var:Lang.report.risks ?></li>
<li><strong><?cs var:Figures.open ?></strong> <?cs var:Lang.report.open_actions ?></li>
<li><strong><?cs var:Figures.overdue ?></strong> <?cs var:Lang.report.overdue_actions ?></li>
<li><strong><?cs if:Docs.approved ?><?cs var:Docs.approved ?><?cs else ?>0<?cs /if ?></strong> <?cs var:Lang.report.approved_docs ?> · <strong><?cs if:Docs.published ?><?cs var:Docs.published ?><?cs else ?>0<?cs /if ?></strong> <?cs var:Lang.report.published_docs ?> · <strong><?cs if:Docs.draft ?><?cs var:Docs.draft ?><?cs else ?>0<?cs /if ?></strong> <?cs var:Lang.report.draft_docs ?></li>
</ul></section>
<section class="report-section"><h2><?cs var:Lang.clients.pilot_frameworks ?></h2>
<?cs if:subcount(Adopted) == 0 ?><p class="muted"><?cs var:Lang.clients.pilot_frameworks_empty ?></p><?cs else ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.clients.pilot_frameworks ?>"><table><caption class="visually-hidden"><?cs var:Lang.clients.pilot_frameworks ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.pilot.framework ?></th><th scope="col"><?cs var:Lang.pilot.compliance ?></th><th scope="col" class="num"><?cs var:Lang.pilot.assessed_header ?></th></tr></thead>
<tbody><?cs each:f = Adopted ?><tr><td><?cs var:f.name ?></td><td><?cs call:progress(f.compliance_pct, Lang.pilot.compliance) ?></td><td class="num"><?cs var:f.assessed ?> / <?cs var:f.total ?></td></tr><?cs /each ?></tbody></table></div><?cs /if ?></section>
<section class="report-section"><h2><?cs var:Lang.risks.title ?></h2>
<?cs if:Heat.total == 0 ?><p class="muted"><?cs var:Lang.risks.pilot_empty ?></p><?cs else ?>
<?cs call:risk_levels(Heat.by_level) ?>
<div class="heat-maps"><?cs uvar:Heat.inherent_html ?><?cs uvar:Heat.residual_html ?></div><?cs /if ?></section>
<section class="report-section" id="report-open"><h2><?cs var:Lang.report.open_actions_title ?></h2>
<?cs if:subcount(Open) == 0 ?><p class="muted"><?cs var:Lang.report.no_open_actions ?></p><?cs else ?>
<div class="table-wrap" tabindex="0" role="region" aria-label="<?cs var:Lang.report.open_actions_title ?>"><table><caption class="visually-hidden"><?cs var:Lang.report.open_actions_title ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.actions.action ?></th><th scope="col"><?cs var:Lang.actions.owner ?></th><th scope="col"><?cs var:Lang.actions.due_date ?></th><th scope="col"><?cs var:Lang.actions.priority ?></th><th scope="col"><?cs var:Lang.actions.progress ?></th></tr></thead>
<tbody><?cs each:a = Open ?><tr<?cs if:a.overdue == "1" ?> class="overdue"<?cs /if ?>><td><?cs var:a.title ?></td><td><?cs if:a.owner_name ?><?cs var:a.owner_name ?><?cs else ?>—<?cs /if ?></td><td><?cs if:a.due_date ?><?cs var:a.due_date ?><?cs else ?>—<?cs /if ?></td><td><?cs var:Lang.enums.action_priority[a.priority] ?></td><td><?cs var:a.progress ?> %</td></tr><?cs /each ?></tbody></table></div><?cs if:Report.open_more ?><p class="small muted" id="report-open-more"><?cs var:Lang.report.open_more ?></p><?cs /if ?><?cs /if ?></section>
</div>
<?cs call:page_close() ?>
