<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../ljsms_desktop/ui/context.py" line="104" />
        <source>还没有设置账号和密码：请打开“设置”填写</source>
        <translation>No account and password yet: enter them in Settings</translation>
    </message>
</context>
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="25" />
        <location filename="../../ljsms_desktop/ui/balance.py" line="56" />
        <source>余额：—</source>
        <translation>Balance: —</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="58" />
        <source>剩余 {0} 条</source>
        <translation>{0} messages left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="67" />
        <source>当前计划需要 {0} 条，余额不足，请先充值</source>
        <translation>This send needs {0} messages: the balance is too low, please top up first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="69" />
        <source>余额低于提醒值 {0} 条</source>
        <translation>Balance below the reminder level of {0} messages</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="71" />
        <source>无法查询余额：{0}</source>
        <translation>Could not check the balance: {0}</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="164" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="164" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="164" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="165" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="165" />
        <source>收件人</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="166" />
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="166" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="167" />
        <source>被拒</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="167" />
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="168" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="168" />
        <source>待报告</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="169" />
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="169" />
        <source>退订</source>
        <translation>Opt-outs</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="170" />
        <source>送达率</source>
        <translation>Delivery rate</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="170" />
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="178" />
        <source>普通</source>
        <translation>Plain</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="179" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="185" />
        <source>共 {0} 次发送</source>
        <translation>Campaigns: {0}</translation>
    </message>
</context>
<context>
    <name>ComposeTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="44" />
        <source>“{0}”</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="45" />
        <source>{0} 第 {1} 行</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="75" />
        <source>【公司签名】短信内容……回T退订</source>
        <translation>【Company signature】Your message… 回T退订</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="80" />
        <source>加上“回T退订”</source>
        <translation>Add “回T退订”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="82" />
        <source>在内容末尾加上退订方式</source>
        <translation>Add the opt-out line (reply T to unsubscribe) at the end</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="85" />
        <source>验证码、通知类短信可取消勾选</source>
        <translation>Untick for verification codes and notifications</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="86" />
        <source>短信内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="98" />
        <source>粘贴手机号：每行一个，或用逗号、空格、分号分隔；可带 +86</source>
        <translation>Paste mobile numbers: one per line, or separated by commas, spaces or semicolons; +86 is fine</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="99" />
        <source>从文件导入…</source>
        <translation>Import from File…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="101" />
        <source>从 Excel、WPS 表格或 CSV/TXT 文件读取手机号</source>
        <translation>Read mobile numbers from an Excel, WPS, CSV or TXT file</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="103" />
        <source>从以往活动选取…</source>
        <translation>From a Past Campaign…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="105" />
        <source>选取以往某次活动中发送失败或未收到送达报告的号码</source>
        <translation>Pick the numbers of a past campaign that failed or never got a delivery report</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="107" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="113" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="115" />
        <source>移除从文件或以往活动导入的号码</source>
        <translation>Remove the numbers imported from files or past campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="125" />
        <source>这些号码不会发送</source>
        <translation>These numbers will not be sent to</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="126" />
        <source>接收号码</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="145" />
        <source>自己的手机号，多个用逗号分隔</source>
        <translation>Your own mobile numbers, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="148" />
        <source>测试发送</source>
        <translation>Test Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="154" />
        <source>测试号码：</source>
        <translation>Test numbers:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="253" />
        <source>已输入 {0} 字，共 {1} 条，本条还可输入 {2} 字</source>
        <translation>{0} characters, {1} part(s), {2} more fit in this part</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="263" />
        <source>提示：营销短信请告知退订方式，如在末尾加上“回T退订”</source>
        <translation>Tip: a marketing SMS must say how to opt out, e.g. end it with “回T退订” (reply T to unsubscribe)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="284" />
        <source>{0}：{1} 个号码</source>
        <translation>{0}: {1} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="285" />
        <source>另有导入的号码 — </source>
        <translation>Also imported — </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="285" />
        <source>；</source>
        <comment>list separator</comment>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="311" />
        <source>正在检查 {0} 个号码…</source>
        <translation>Checking {0} numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="339" />
        <source>还没有号码</source>
        <translation>No numbers yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="341" />
        <source>有效 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>valid &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="342" />
        <source>无效 {0}</source>
        <translation>invalid {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="343" />
        <source>重复 {0}</source>
        <translation>duplicate {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="344" />
        <source>已退订/屏蔽 {0}</source>
        <translation>opted out/blocked {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="348" />
        <source>“{0}” </source>
        <translation>“{0}” </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="349" />
        <source>{0}：{1}{2}</source>
        <translation>{0}: {1}{2}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="352" />
        <source>……还有 {0} 个无效号码</source>
        <translation>…and {0} more invalid numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="358" />
        <source>将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条</source>
        <translation>Will send to {0} numbers, {1} part(s) each, {2} messages in all</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="372" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="416" />
        <source>正在导入号码，请稍候</source>
        <translation>Importing numbers, please wait</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="376" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="381" />
        <source>正在检查号码…</source>
        <translation>Checking numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="378" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="400" />
        <source>请先输入短信内容</source>
        <translation>Enter the message first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="405" />
        <source>请先填写测试号码（自己的手机号）</source>
        <translation>Enter test numbers first (your own mobile)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="411" />
        <source>先发给自己的测试号码，在“状态报告”中确认送达</source>
        <translation>Send to your own test numbers first and check delivery in “Delivery Reports”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="427" />
        <source>选择号码文件</source>
        <translation>Choose a Numbers File</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="428" />
        <source>表格或文本</source>
        <translation>Spreadsheets or text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="428" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="436" />
        <source>停止导入</source>
        <translation>Stop importing</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="437" />
        <source>正在导入“{0}”…</source>
        <translation>Importing “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="447" />
        <source>已读取 {0} 行</source>
        <translation>{0} rows read</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="457" />
        <source>（无效 {0} 行，重复 {1} 行）</source>
        <translation> ({0} invalid rows, {1} duplicate rows)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="458" />
        <source>已导入 {0}：{1} 个号码{2}</source>
        <translation>Imported {0}: {1} numbers{2}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="464" />
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="470" />
        <source>已取消导入</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="482" />
        <source>{0} 没有发送失败或未送达的号码</source>
        <translation>{0} has no failed or undelivered numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="208" />
        <source>发送短信：{0}</source>
        <translation>Send SMS: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="236" />
        <source>测试短信已发出</source>
        <translation>Test message sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="236" />
        <source>测试发送完成</source>
        <translation>Test send complete</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="237" />
        <source>测试短信已发给 {0} 个号码。送达结果稍后会出现在“状态报告”中。</source>
        <translation>Test message sent to {0} number(s). Delivery results will appear in “Delivery Reports” shortly.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="219" />
        <source>号码列表已清空，以免重复发送。</source>
        <translation>The number list was cleared so nothing is sent twice.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="223" />
        <source> 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送；号码列表已清空，以免重复发送。</source>
        <translation> {0} numbers were sent; fix the problem and continue the rest from “Campaigns”. The number list was cleared so nothing is sent twice.</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="35" />
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="126" />
        <source>确认发送</source>
        <translation>Confirm Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="50" />
        <source>{0} 个号码</source>
        <translation>{0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="53" />
        <source>无效 {0}</source>
        <translation>invalid {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="55" />
        <source>重复 {0}</source>
        <translation>duplicate {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="57" />
        <source>已退订/屏蔽 {0}</source>
        <translation>opted out/blocked {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="59" />
        <source>（已排除：{0}）</source>
        <translation> (left out: {0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="59" />
        <source>，</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="60" />
        <source>收件人：</source>
        <translation>Recipients:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="62" />
        <source>每个号码 {0}–{1} 条</source>
        <translation>{0}–{1} part(s) per number</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="64" />
        <source>每个号码 {0} 条</source>
        <translation>{0} part(s) per number</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="65" />
        <source>短信条数：</source>
        <translation>Message parts:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="66" />
        <source>{0} 条（分 {1} 批发送）</source>
        <translation>{0} messages ({1} batch(es))</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="68" />
        <source>预计消耗：</source>
        <translation>Estimated cost:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="73" />
        <source>当前余额：</source>
        <translation>Current balance:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="74" />
        <source>发送后余额：</source>
        <translation>Balance after:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="76" />
        <source>发送时间：</source>
        <translation>Send at:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="99" />
        <source>定时时间在免打扰时段（{0}）内：营销短信将等到 {1} 再发送。</source>
        <translation>The scheduled time is within the quiet hours ({0}): marketing SMS will wait until {1}.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="103" />
        <source>现在是免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。</source>
        <translation>It is now the quiet hours ({0}): marketing SMS sent now tends to draw complaints.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="105" />
        <source>这次发送预计会持续到免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。</source>
        <translation>This send is expected to run into the quiet hours ({0}): marketing SMS sent then tends to draw complaints.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="107" />
        <source>我知道，仍要现在发送</source>
        <translation>I understand, send now anyway</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="126" />
        <source>定时发送</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="129" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="145" />
        <source>未设置账号</source>
        <translation>No account set</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="172" />
        <source>正在查询…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="174" />
        <source>查询失败</source>
        <translation>check failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="175" />
        <source>余额未知（{0}）</source>
        <translation>Unknown ({0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="176" />
        <source>仍可发送：余额不足时网关会拒收，不会扣费</source>
        <translation>You can still send: if the balance is too low the gateway refuses it and charges nothing</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="177" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="179" />
        <source>（正在刷新…）</source>
        <translation> (refreshing…)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="180" />
        <source>剩余 {0} 条{1}</source>
        <translation>{0} messages left{1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="182" />
        <source>剩余 {0} 条</source>
        <translation>{0} messages left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="183" />
        <source>不足，还差 {0} 条</source>
        <translation>Not enough: {0} messages short</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="190" />
        <source>余额不足：本次需要 {0} 条，账户剩余 {1} 条。请充值后再发送，或减少号码。</source>
        <translation>Balance too low: this send needs {0} messages and the account has {1}. Top up, or send to fewer numbers.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="193" />
        <source>请先勾选“我知道，仍要现在发送”：现在发送营销短信会进入免打扰时段</source>
        <translation>Tick “I understand, send now anyway” first: sending marketing SMS now runs into the quiet hours</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ljsms_desktop/ui/app.py" line="93" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="27" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="222" />
        <source>联江短信桌面助手</source>
        <translation>Lianjiang SMS Desktop</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="29" />
        <source> — 演示模式（内置模拟网关，不会发出真实短信）</source>
        <translation> — Demo mode (built-in simulated gateway, no real SMS is sent)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="41" />
        <source>发送短信</source>
        <translation>Send SMS</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="42" />
        <source>模板群发</source>
        <translation>Template Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="43" />
        <source>发送记录</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="44" />
        <source>状态报告</source>
        <translation>Delivery Reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="45" />
        <source>上行回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="48" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="49" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="53" />
        <source>刷新余额(&amp;R)</source>
        <translation>&amp;Refresh Balance</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="57" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="60" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="61" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="69" />
        <source>尚未连接网关</source>
        <translation>Not connected to the gateway yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="154" />
        <source>（演示）</source>
        <translation> (demo mode)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="155" />
        <source>账号：{0}{1}</source>
        <translation>Account: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="157" />
        <source>未设置账号</source>
        <translation>No account set</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="160" />
        <source>最近连接网关：{0}</source>
        <translation>Last gateway contact: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="165" />
        <source>⚠ 拉取报告失败</source>
        <translation>⚠ Fetching reports failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="169" />
        <source>报告/回复已于 {0} 拉取</source>
        <translation>Reports/replies fetched at {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="174" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="174" />
        <source>联江短信桌面助手 {0}
联江·云通讯短信群发、模板群发、状态报告与上行回复。</source>
        <translation>Lianjiang SMS Desktop {0}
Bulk SMS, template sends, delivery reports and replies on the 联江·云通讯 gateway.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="218" />
        <source>联江短信桌面助手：有定时发送在等待</source>
        <translation>Lianjiang SMS Desktop: scheduled sends are waiting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="222" />
        <source>窗口已隐藏到托盘，定时发送会按时执行</source>
        <translation>The window is hidden in the tray; scheduled sends will go out on time</translation>
    </message>
</context>
<context>
    <name>NumbersInput</name>
    <message>
        <location filename="../../ljsms_desktop/ui/numbers_input.py" line="95" />
        <source>第 {0} 行</source>
        <translation>Line {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/numbers_input.py" line="96" />
        <source>{0} 第 {1} 行</source>
        <translation>{0} row {1}</translation>
    </message>
</context>
<context>
    <name>PickCampaignDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="510" />
        <source>从以往活动选取号码</source>
        <translation>Numbers from a Past Campaign</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="514" />
        <source>正在读取发送记录…</source>
        <translation>Reading campaigns…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="517" />
        <source>选取未成功送达的号码</source>
        <translation>Take Undelivered Numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="520" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="561" />
        <source>先选择一个活动</source>
        <translation>Choose a campaign first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="521" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="526" />
        <source>选择一次活动，取其中发送失败或没有收到送达报告的号码：</source>
        <translation>Choose a campaign to take its numbers that failed or never got a delivery report:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="546" />
        <source>#{0}  {1}  {2}（{3} 个号码，{4}）</source>
        <translation>#{0}  {1}  {2} ({3} numbers, {4})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="547" />
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="550" />
        <source>还没有发送记录</source>
        <translation>No campaigns yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="569" />
        <source>正在读取号码…</source>
        <translation>Reading numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="583" />
        <source>活动 #{0} 未成功送达的号码</source>
        <translation>Undelivered numbers of campaign #{0}</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="23" />
        <source>约 {0} 秒</source>
        <translation>about {0} s</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="26" />
        <source>约 {0} 分 {1} 秒</source>
        <translation>about {0} min {1} s</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="28" />
        <source>约 {0} 小时 {1} 分</source>
        <translation>about {0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="83" />
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="113" />
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="155" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="85" />
        <source>停止发送：已发出的批次不会撤回，未发出的不再发送，之后可在发送记录中继续</source>
        <translation>Stop sending: batches already sent are not recalled, the rest are not sent; continue later from Campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="111" />
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="126" />
        <source>剩余时间 {0}</source>
        <translation>{0} left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="127" />
        <source>，</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="141" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/progress_panel.py" line="156" />
        <source>没有正在进行的任务</source>
        <translation>Nothing is running</translation>
    </message>
</context>
<context>
    <name>RepliesTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="218" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="218" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="218" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="219" />
        <source>扩展号</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="219" />
        <source>msgId</source>
        <translation>msgId</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="219" />
        <source>发送记录</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="220" />
        <source>退订</source>
        <translation>Opt-out</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="220" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="230" />
        <source>最新 {0} 条上行回复</source>
        <translation>Latest replies: {0}</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="197" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="197" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="198" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="198" />
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="199" />
        <source>msgId</source>
        <translation>msgId</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="199" />
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="199" />
        <source>发送记录</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="206" />
        <source>最新 {0} 条状态报告</source>
        <translation>Latest delivery reports: {0}</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="32" />
        <source>发送短信</source>
        <translation>Send SMS</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="33" />
        <source>模板群发</source>
        <translation>Template Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="172" />
        <source>定时发送</source>
        <translation>Send later</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="174" />
        <source>在指定时间自动发送。程序需保持运行（关闭窗口后在系统托盘继续运行）</source>
        <translation>Send automatically at the chosen time. Keep the program running (closing the window leaves it in the tray)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="180" />
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="214" />
        <source>先勾选“定时发送”</source>
        <translation>Tick “Send later” first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="187" />
        <source>取消定时</source>
        <translation>Cancel Scheduled Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="191" />
        <source>待发送的定时任务：</source>
        <translation>Scheduled sends waiting:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="232" />
        <source>{0}  {1}（{2} 个号码，{3}）</source>
        <translation>{0}  {1} ({2} numbers, {3})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="235" />
        <source> —「{0}」</source>
        <translation> — “{0}”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="255" />
        <source>先在列表中选择一个定时任务</source>
        <translation>Choose a scheduled send in the list first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="257" />
        <source>这个任务已开始发送，请在发送进度中取消</source>
        <translation>This send has started; cancel it from the progress bar</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="85" />
        <source>营销短信（须告知退订方式，避开免打扰时段）</source>
        <translation>Marketing SMS (must say how to opt out; avoid the quiet hours)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="100" />
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="247" />
        <source>发送…</source>
        <translation>Send…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="121" />
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="234" />
        <source>正在发送另一个活动，请等它结束</source>
        <translation>Another campaign is being sent; wait until it finishes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="237" />
        <source>还没有设置账号和密码：请打开“文件 → 设置”</source>
        <translation>No account and password yet: open File → Settings</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="247" />
        <source>定时发送…</source>
        <translation>Schedule…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="259" />
        <source>定时时间已经过去，请选择将来的时间</source>
        <translation>The scheduled time has passed; choose a time in the future</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="278" />
        <source>正在发送另一个活动，请等它结束后再发送</source>
        <translation>Another campaign is being sent; send again when it has finished</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="282" />
        <source>已安排在 {0} 发送给 {1} 个号码。程序需保持运行（关闭窗口后在托盘中继续）。</source>
        <translation>Scheduled for {0} to {1} numbers. Keep the program running (closing the window leaves it in the tray).</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="288" />
        <source>定时发送未能保存：{0}</source>
        <translation>The scheduled send could not be saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="302" />
        <source>测试发送</source>
        <translation>Test Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="302" />
        <source>正在发送</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="303" />
        <source>停止发送：已发出的短信无法撤回，其余号码不再发送</source>
        <translation>Stop sending: messages already sent cannot be recalled; the remaining numbers are not sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="304" />
        <source>{0}：{1} 个号码</source>
        <translation>{0}: {1} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="315" />
        <source>已发出 {0} / {1} 个号码（第 {2} / {3} 批）</source>
        <translation>Sent {0} / {1} numbers (batch {2} / {3})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="331" />
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="332" />
        <source>……</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="334" />
        <source>第 {0} 批（共 {1} 个号码）状态未知：发送时网络中断或网关没有回应，这些号码可能已经发出，也可能没有。系统会根据状态报告自动确认，请勿重复发送。若一小时后仍未确认，请联系联江客服核对。</source>
        <translation>Batch {0} ({1} numbers) has an unknown status: the network dropped or the gateway did not answer while sending, so these messages may or may not have gone out. Delivery reports will settle it automatically; do not send them again. If it is still unknown after an hour, ask Lianjiang support to check.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="351" />
        <source>已取消：已发出 {0} 个号码，其余不再发送</source>
        <translation>Cancelled: {0} numbers sent, the rest will not be sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="352" />
        <source>发送已取消</source>
        <translation>Send cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="353" />
        <source>发送已取消。已发出的短信无法撤回，详情见“发送记录”。</source>
        <translation>Send cancelled. Messages already sent cannot be recalled; see “Campaigns” for details.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="355" />
        <source>全部批次已发出</source>
        <translation>All batches sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="355" />
        <source>发送完成：{0} 个号码</source>
        <translation>Send complete: {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="357" />
        <source>已发送：网关接收 {0} 个号码</source>
        <translation>Sent: the gateway accepted {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="359" />
        <source>，拒收 {0} 个</source>
        <translation>, rejected {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="361" />
        <source>，状态未知 {0} 个</source>
        <translation>, status unknown for {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="362" />
        <source>。送达情况请看“状态报告”和“发送记录”。</source>
        <translation>. See “Delivery Reports” and “Campaigns” for delivery.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="368" />
        <source>发送失败</source>
        <translation>Send failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="369" />
        <source>发送失败：{0}</source>
        <translation>Send failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="371" />
        <source>。请在“文件 → 设置”中检查账号和密码。</source>
        <translation>. Check the account and password in File → Settings.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="373" />
        <source> 本次没有发出任何短信。</source>
        <translation> No messages were sent.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="25" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="32" />
        <source>欢迎使用联江短信桌面助手。请填写联江·云通讯的接口账号和密码；没有账号也可以先试用演示模式。</source>
        <translation>Welcome to Lianjiang SMS Desktop. Enter your 联江·云通讯 API account and password; without an account you can try the demo mode first.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="41" />
        <source>网关地址</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="44" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="48" />
        <source>已保存（不修改请留空）</source>
        <translation>Saved (leave empty to keep it)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="48" />
        <source>接口密码</source>
        <translation>API password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="49" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="54" />
        <source>只在本次运行期间记住（关闭程序后需要重新输入）</source>
        <translation>Remember until the program closes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="55" />
        <source>不保存密码</source>
        <translation>Do not save the password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="67" />
        <source>密码只保存在系统钥匙串中（{0}），不会写入设置文件或日志。</source>
        <translation>The password is kept only in the system keyring ({0}), never in the settings file or the log.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="72" />
        <source>本机没有可用的系统钥匙串（密码保管服务），无法长期保存密码。请选择：</source>
        <translation>No system keyring (password store) is available here, so the password cannot be kept. Choose:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="76" />
        <source>可不填；只能是数字</source>
        <translation>Optional; digits only</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="77" />
        <source>默认扩展号</source>
        <translation>Default extension</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="80" />
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="82" />
        <source>报告/回复拉取间隔</source>
        <translation>Report/reply polling interval</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="85" />
        <source> 条</source>
        <translation> messages</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="87" />
        <source>余额提醒阈值</source>
        <translation>Low balance warning at</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="90" />
        <source>自己的手机号，多个用逗号分隔</source>
        <translation>Your own mobile numbers, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="91" />
        <source>测试号码</source>
        <translation>Test numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="98" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="101" />
        <source>免打扰时段</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="104" />
        <source>测试连接</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="115" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="116" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="118" />
        <source>试用演示</source>
        <translation>Try the Demo</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="120" />
        <source>启动内置的网关模拟器，用演示账号体验完整流程，不会发出真实短信</source>
        <translation>Start the built-in gateway simulator and try everything with a demo account; no real SMS is sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="150" />
        <source>请先填写账号和密码</source>
        <translation>Enter the account and password first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="153" />
        <source>正在连接……</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="163" />
        <source>连接成功：剩余 {0} 条</source>
        <translation>Connected: {0} messages left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="167" />
        <source>（代码 {0}）</source>
        <translation> (code {0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="168" />
        <source>连接失败：</source>
        <translation>Connection failed: </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="178" />
        <source>网关地址应以 http:// 或 https:// 开头</source>
        <translation>The gateway address must start with http:// or https://</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="180" />
        <source>请填写账号</source>
        <translation>Enter the account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="183" />
        <source>扩展号只能是数字</source>
        <translation>The extension must be digits only</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="186" />
        <source>测试号码无效：{0}</source>
        <translation>Invalid test numbers: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="186" />
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="208" />
        <source>无法把密码存入系统钥匙串：{0}。可选择“只在本次运行期间记住”。</source>
        <translation>Could not store the password in the system keyring: {0}. You can choose “Remember until the program closes”.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="216" />
        <source>更换账号</source>
        <translation>Change Account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="217" />
        <source>是否从钥匙串中删除旧账号 {0} 的密码？</source>
        <translation>Delete the password of the old account {0} from the keyring?</translation>
    </message>
</context>
<context>
    <name>TemplateTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="49" />
        <source>示例导入表格.xlsx</source>
        <translation>sample_import.xlsx</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="108" />
        <source>已保存的模板</source>
        <translation>Saved templates</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="110" />
        <source>保存模板</source>
        <translation>Save Template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="113" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="118" />
        <source>联江平台上的模板编号</source>
        <translation>Template ID on the Lianjiang platform</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="121" />
        <source>【公司签名】尊敬的{}，您的订单{}已发货。回T退订</source>
        <translation>【Company signature】Dear {}, your order {} has shipped. 回T退订</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="128" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="131" />
        <source>已保存的模板：</source>
        <translation>Saved templates:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="137" />
        <source>模板编号：</source>
        <translation>Template ID:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="138" />
        <source>模板内容：</source>
        <translation>Template text:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="144" />
        <source>导入表格…</source>
        <translation>Import Sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="146" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="872" />
        <source>选择 Excel、WPS 表格或 CSV 文件；也可以把文件直接拖到这里</source>
        <translation>Choose an Excel, WPS or CSV file, or drop the file here</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="148" />
        <source>下载示例表格…</source>
        <translation>Save Sample Sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="150" />
        <source>保存一份示例表格（手机号、姓名、订单号），照着填写后导入</source>
        <translation>Save a sample sheet (mobile, name, order number), fill it in the same way and import it</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="152" />
        <source>把表格文件拖到这里，或点“导入表格…”</source>
        <translation>Drop a spreadsheet here, or click “Import Sheet…”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="166" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="166" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="166" />
        <source>短信内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="166" />
        <source>字数 / 条数</source>
        <translation>Chars / parts</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="181" />
        <source>导出问题行…</source>
        <translation>Export Problem Rows…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="184" />
        <source>收件人表格</source>
        <translation>Recipient Sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="191" />
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="193" />
        <source>手机号列：</source>
        <translation>Mobile column:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="249" />
        <source>正在打开“{0}”…</source>
        <translation>Opening “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="308" />
        <source>（选择已保存的模板）</source>
        <translation>(choose a saved template)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="308" />
        <source>（还没有保存的模板）</source>
        <translation>(no saved templates yet)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="335" />
        <source>模板 {0} 已保存</source>
        <translation>Template {0} saved</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="361" />
        <source>先填写模板编号和模板内容</source>
        <translation>Enter the template ID and text first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="363" />
        <source>这个模板已保存</source>
        <translation>This template is saved</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="365" />
        <source>保存到本机，下次可直接选用</source>
        <translation>Save on this computer to pick it next time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="367" />
        <source>这个编号没有保存过</source>
        <translation>No template is saved under this ID</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="395" />
        <source>模板中用 {} 表示变量，按顺序由表格中的列填入</source>
        <translation>Write {} for each variable; they are filled in order from the sheet's columns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="399" />
        <source>变量 {0} 个，固定文字 {1} 字</source>
        <translation>{0} variable(s), {1} fixed characters</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="405" />
        <source>提示：营销短信请告知退订方式，如在末尾加上“回T退订”</source>
        <translation>Tip: a marketing SMS must say how to opt out, e.g. end it with “回T退订” (reply T to unsubscribe)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="435" />
        <source>选择收件人表格</source>
        <translation>Choose a Recipient Sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="436" />
        <source>表格或文本</source>
        <translation>Spreadsheets or text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="436" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="445" />
        <source>保存示例表格</source>
        <translation>Save Sample Sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="446" />
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="458" />
        <source>找不到示例表格：安装文件不完整（缺少 resources/{0}），请重新安装。</source>
        <translation>The sample sheet is missing: the installation is incomplete (no resources/{0}); please reinstall.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="463" />
        <source>没有权限写入这个位置，或文件正被其他程序（如 Excel）打开</source>
        <translation>No permission to write there, or the file is open in another program (such as Excel)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="467" />
        <source>示例表格已保存到“{0}”。第一列填手机号，其后各列依次填入模板中的每个 {{}}，填好后点“导入表格…”。</source>
        <translation>Sample sheet saved to “{0}”. Put mobile numbers in the first column and one column for each {{}} of the template after it, then click “Import Sheet…”.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="471" />
        <source>示例表格未能保存到“{0}”：{1}</source>
        <translation>The sample sheet could not be saved to “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="519" />
        <source>，约 {0} 行</source>
        <translation>, about {0} rows</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="520" />
        <source>“{0}”：工作表“{1}”{2}</source>
        <translation>“{0}”: sheet “{1}”{2}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="527" />
        <source>没有认出手机号所在的列，请在“手机号列”中选择</source>
        <translation>No mobile number column found; choose it under “Mobile column”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="543" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="551" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="579" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="575" />
        <source>变量{0} {{}}：</source>
        <translation>Variable {0} {{}}:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="595" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="876" />
        <source>先导入表格</source>
        <translation>Import a sheet first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="599" />
        <source>这个文件只有一个工作表</source>
        <translation>This file has only one sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="625" />
        <source>请选择手机号所在的列</source>
        <translation>Choose the mobile number column</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="627" />
        <source>请为模板中的每个 {} 选择一列</source>
        <translation>Choose a column for each {} of the template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="629" />
        <source>手机号列不能同时作为变量列</source>
        <translation>The mobile column cannot also be a variable column</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="655" />
        <source>{0} 字 / {1} 条</source>
        <translation>{0} chars / {1} part(s)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="657" />
        <source>（先填写模板并为每个 {} 选择一列）</source>
        <translation>(enter the template and choose a column for each {})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="658" />
        <source>（请为每个 {} 选择一列）</source>
        <translation>(choose a column for each {})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="681" />
        <source>停止读取表格</source>
        <translation>Stop reading the sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="682" />
        <source>正在读取“{0}”…</source>
        <translation>Reading “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="694" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="707" />
        <source>已读取 {0} 行</source>
        <translation>{0} rows read</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="715" />
        <source>读取失败</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="723" />
        <source>已取消读取；修改列或重新导入可再次读取</source>
        <translation>Reading cancelled; change a column or import again to read it again</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="764" />
        <source>第 {0} 行：{1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="767" />
        <source>……共 {0} 行有问题</source>
        <translation>…{0} rows with problems in all</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="775" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="859" />
        <source>正在读取表格…</source>
        <translation>Reading the sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="784" />
        <source>共 {0} 行</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="785" />
        <source>有效 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>valid &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="786" />
        <source>无效 {0}</source>
        <translation>invalid {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="787" />
        <source>重复 {0}</source>
        <translation>duplicate {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="788" />
        <source>已退订/屏蔽 {0}</source>
        <translation>opted out/blocked {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="795" />
        <source>将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条，分 {3} 批（每批最多 1000 个）</source>
        <translation>Will send to {0} numbers, {1} part(s) each, {2} messages in all, {3} batch(es) of up to 1000</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="811" />
        <source>{0}_问题行.xlsx</source>
        <translation>{0}_problem_rows.xlsx</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="812" />
        <source>导出问题行</source>
        <translation>Export Problem Rows</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="813" />
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="823" />
        <source>停止导出</source>
        <translation>Stop exporting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="824" />
        <source>正在导出问题行到“{0}”…</source>
        <translation>Exporting problem rows to “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="828" />
        <source>已导出问题行：{0}</source>
        <translation>Problem rows exported: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="833" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="839" />
        <source>已取消导出</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="845" />
        <source>已写出 {0} 行</source>
        <translation>{0} rows written</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="851" />
        <source>请先填写模板内容</source>
        <translation>Enter the template text first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="853" />
        <source>请先填写模板编号（联江平台上的模板编号）</source>
        <translation>Enter the template ID first (the ID on the Lianjiang platform)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="855" />
        <source>请先导入收件人表格</source>
        <translation>Import a recipient sheet first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="861" />
        <source>正在核算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="863" />
        <source>表格还没有读取完成</source>
        <translation>The sheet has not been read completely yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="871" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="880" />
        <source>正在处理表格，请稍候</source>
        <translation>Working on the sheet, please wait</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="878" />
        <source>没有无效的行（重复的行不需要修改）</source>
        <translation>No invalid rows (duplicate rows need no fixing)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="882" />
        <source>把无效的行连同原因导出为表格，修改后重新导入</source>
        <translation>Export the invalid rows with the reasons, fix them and import again</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="889" />
        <source>模板群发：模板 {0}，表格“{1}”</source>
        <translation>Template send: template {0}, sheet “{1}”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="892" />
        <source>模板 {0}（{1}）</source>
        <translation>Template {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="895" />
        <source>表格已移除，以免重复安排。</source>
        <translation>The sheet was removed so it is not scheduled twice.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="898" />
        <source>表格已移除，以免重复发送；要再次发送请重新导入。</source>
        <translation>The sheet was removed so nothing is sent twice; import it again to send again.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="902" />
        <source> 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送。</source>
        <translation> {0} numbers were sent; fix the problem and continue the rest from “Campaigns”.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="901" />
        <source>表格已移除，以免重复发送。</source>
        <translation>The sheet was removed so nothing is sent twice.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="26" />
        <source>中文</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="28" />
        <source>待发送</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="29" />
        <location filename="../../ljsms_desktop/ui/wording.py" line="37" />
        <source>发送中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="30" />
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="31" />
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="32" />
        <location filename="../../ljsms_desktop/ui/wording.py" line="40" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="33" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="36" />
        <source>等待发送</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="38" />
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="39" />
        <source>发送失败</source>
        <translation>Send failed</translation>
    </message>
</context>
<context>
    <name>_TableTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="62" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="151" />
        <source>读取本地记录失败：{0}</source>
        <translation>Could not read the local records: {0}</translation>
    </message>
</context>
</TS>
