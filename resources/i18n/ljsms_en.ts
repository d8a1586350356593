<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="348" />
        <source>这像是一份退订名单</source>
        <translation>This looks like an opt-out list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="349" />
        <source>工作表“{0}”的名字看起来是退订/屏蔽名单。

要把其中的号码加入屏蔽名单（以后不再发送给它们），而不是发送给它们吗？</source>
        <translation>The sheet “{0}” is named like an opt-out / block list.

Add its numbers to the suppression list (never send to them) instead of sending to them?</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="353" />
        <source>加入屏蔽名单</source>
        <translation>Add to the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="354" />
        <source>仍然作为发送名单</source>
        <translation>Send to them anyway</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="370" />
        <source>已从表格加入 {0} 个号码</source>
        <translation>Added {0} numbers from the sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="372" />
        <source>，{0} 个原已在名单中</source>
        <translation>, {0} were already on it</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="19" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="21" />
        <source>&lt;b&gt;联江短信桌面助手&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Lianjiang SMS Desktop&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="23" />
        <source>联江·云通讯短信群发、模板群发、状态报告与上行回复。</source>
        <translation>SMS campaigns, template sends, delivery reports and replies on the Lianjiang cloud gateway.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="35" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="52" />
        <source>无可用的系统钥匙串：密码不保存</source>
        <translation>No system keyring: the password is not kept</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="54" />
        <source>系统钥匙串</source>
        <translation>System keyring</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="56" />
        <source>仅本次运行（内存）</source>
        <translation>This run only (memory)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="59" />
        <source>打包程序</source>
        <translation>bundle</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="59" />
        <source>源代码</source>
        <translation>source</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="61" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="63" />
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="64" />
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/about.py" line="65" />
        <source>密码保管</source>
        <translation>Password storage</translation>
    </message>
</context>
<context>
    <name>AddNumbersDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="36" />
        <source>加入屏蔽名单</source>
        <translation>Add to the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="40" />
        <source>每行一个号码，或用逗号、空格分隔</source>
        <translation>One number a line, or separated by commas or spaces</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="43" />
        <source>例如：客户电话要求不再发送</source>
        <translation>e.g. the customer called and asked for no more messages</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="45" />
        <source>号码</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="46" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="48" />
        <source>加入</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../ljsms_desktop/ui/context.py" line="223" />
        <source>还没有设置账号和密码：请打开“设置”填写</source>
        <translation>No account and password yet: enter them in Settings</translation>
    </message>
</context>
<context>
    <name>BalanceIndicator</name>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="22" />
        <location filename="../../ljsms_desktop/ui/balance.py" line="52" />
        <source>余额：—</source>
        <translation>Balance: —</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="54" />
        <source>剩余 {0} 条</source>
        <translation>{0} messages left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="63" />
        <source>当前计划需要 {0} 条，余额不足，请先充值</source>
        <translation>This send needs {0} messages: the balance is too low, please top up first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="65" />
        <source>余额低于提醒值 {0} 条</source>
        <translation>Balance below the reminder level of {0} messages</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/balance.py" line="69" />
        <source>无法查询余额：{0}</source>
        <translation>Could not check the balance: {0}</translation>
    </message>
</context>
<context>
    <name>CampaignDetail</name>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="77" />
        <source>活动详情 #{0}</source>
        <translation>Campaign #{0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="94" />
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="123" />
        <source>停止导出</source>
        <translation>Stop exporting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="129" />
        <source>继续发送</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="130" />
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="475" />
        <source>取消发送</source>
        <translation>Cancel the campaign</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="131" />
        <source>重发失败号码…</source>
        <translation>Resend failed numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="132" />
        <source>重发未确认号码…</source>
        <translation>Resend unconfirmed numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="134" />
        <source>导出结果…</source>
        <translation>Export results…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="135" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="164" />
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="192" />
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="164" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="165" />
        <source>号码</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="165" />
        <source>计费条数</source>
        <translation>Charged</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="166" />
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="166" />
        <source>提交时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="166" />
        <source>msgId</source>
        <translation>msgId</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="167" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="188" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="189" />
        <source>送达随时间</source>
        <translation>Delivery over time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="190" />
        <source>失败原因（状态代码）</source>
        <translation>Failure reasons (status codes)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="191" />
        <source>运营商</source>
        <translation>Carriers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="300" />
        <source>失败（正在读取原因）</source>
        <translation>Failed (reading the reasons)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="301" />
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="341" />
        <source>个号码</source>
        <translation>numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="306" />
        <source>模板群发</source>
        <translation>Template Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="306" />
        <source>普通群发</source>
        <translation>Plain send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="308" />
        <source>{0} · {1} · {2}{3}</source>
        <translation>{0} · {1} · {2}{3}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="310" />
        <source> · 测试发送</source>
        <translation> · test send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="313" />
        <source>收件人 {0} · 已发出 {1} · 计费 {2} 条 · 已送达 {3} · 失败 {4} · 等待报告 {5} · 未知 {6} · 被拒 {7} · 送达率 {8}</source>
        <translation>Recipients {0} · sent {1} · charged {2} · delivered {3} · failed {4} · awaiting {5} · unknown {6} · refused {7} · delivery rate {8}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="319" />
        <source>无法读取活动 #{0}</source>
        <translation>Cannot read campaign #{0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="328" />
        <source>重发自活动 &lt;a href="{0}"&gt;#{0}&lt;/a&gt;</source>
        <translation>Resends campaign &lt;a href="{0}"&gt;#{0}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="334" />
        <source>有 {0} 个号码所在的批次提交时未收到网关答复（结果未知），超过 {1} 小时仍没有任何状态报告，很可能没有发出。可以用“重发未确认号码”再发一次，但其中一部分号码可能已经收到，会收到两次。</source>
        <translation>{0} numbers are in batches the gateway never answered (outcome unknown) and have had no delivery report for over {1} hours: most likely they never went out. “Resend unconfirmed numbers” sends them again, but some may have received it and would get it twice.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="347" />
        <source>发送到状态报告的时间：还没有报告</source>
        <translation>Send to report: no report yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="349" />
        <source>发送到状态报告的时间：中位数 {0}，90% 在 {1} 以内</source>
        <translation>Send to report: median {0}, 90% within {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="353" />
        <source>收到回复 {0} 条；没有退订</source>
        <translation>{0} replies; no opt-outs</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="355" />
        <source>收到回复 {0} 条；退订 {1} 个（回复退订 {2}，状态报告退订码 {3}），已加入屏蔽名单</source>
        <translation>{0} replies; {1} opt-outs ({2} by reply, {3} by report code), added to the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="371" />
        <source>结果未知：{0} 小时没有状态报告</source>
        <translation>Outcome unknown: no report for {0} hours</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="372" />
        <source>结果未知：等待状态报告确认，请勿重复发送</source>
        <translation>Outcome unknown: waiting for reports to confirm, do not send again</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="378" />
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="379" />
        <source>未发送</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="378" />
        <source>已提交</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="378" />
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="379" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="379" />
        <source>发送中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="396" />
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="397" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="422" />
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="623" />
        <source>另一次发送正在进行，请等它结束</source>
        <translation>Another send is running: wait until it ends</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="424" />
        <source>正在发送这次活动</source>
        <translation>This campaign is sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="426" />
        <source>活动{0}，没有可继续发送的批次</source>
        <translation>The campaign is {0}: no batch left to send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="430" />
        <source>只发送从未发出的 {0} 个号码；结果未知的批次不会重发</source>
        <translation>Sends only the {0} numbers that never went out; unknown batches are not resent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="433" />
        <source>在当前请求完成后停止，剩余批次不再发送</source>
        <translation>Stops after the request in flight; the remaining batches are never sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="435" />
        <source>活动{0}，无需取消</source>
        <translation>The campaign is {0}: nothing to cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="436" />
        <source>剩余批次不再发送；已发出的不受影响</source>
        <translation>The remaining batches are never sent; what went out is not affected</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="441" />
        <source>没有可重发的失败号码（结果未知和等待报告的号码不会重发）</source>
        <translation>No failed number to resend (numbers of unknown outcome or awaiting a report are never resent)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="442" />
        <source>新建一次活动，发送给失败或未发出的号码</source>
        <translation>A new campaign to the numbers that failed or never went out</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="448" />
        <source>只有“结果未知”且超过 {0} 小时仍无状态报告的批次才能重发</source>
        <translation>Only batches whose outcome is unknown and that drew no report in {0} hours can be resent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="449" />
        <source>有重复发送的风险：会先请您确认</source>
        <translation>Risk of a double send: you are asked first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="452" />
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="452" />
        <source>这次活动没有号码</source>
        <translation>The campaign has no numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="452" />
        <source>每个号码一行：状态、原因、报告时间、回复</source>
        <translation>One row per number: status, reason, report time, reply</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="463" />
        <source>正在继续发送…</source>
        <translation>Resuming…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="472" />
        <source>正在取消：当前请求完成后停止</source>
        <translation>Cancelling: stops after the request in flight</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="475" />
        <source>取消后，这次活动剩余的批次不会再发送（已发出的不受影响），且无法继续发送。确定取消吗？</source>
        <translation>Cancelled, the campaign's remaining batches are never sent (what went out is not affected) and it cannot be resumed. Cancel it?</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="489" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="503" />
        <source>已发出 %v / %m 个号码</source>
        <translation>Sent %v / %m numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="526" />
        <source>已新建活动 #{0} 并发送：已提交 {1} 个号码</source>
        <translation>Campaign #{0} created and sent: {1} numbers accepted</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="528" />
        <source>发送已停止</source>
        <translation>The send stopped</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="530" />
        <source>发送完成：已提交 {0} 个号码</source>
        <translation>Sent: {0} numbers accepted</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="563" />
        <source>正在整理要重发的号码…</source>
        <translation>Collecting the numbers to resend…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="572" />
        <source>重发未确认号码</source>
        <translation>Resend unconfirmed numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="573" />
        <source>这 {0} 个号码所在的批次提交时没有收到网关答复，{1} 小时内也没有任何状态报告。

风险：网关可能已经收下并发出了其中一部分，重发后这些号码会收到两次，并再次计费。

确定要把它们作为一次新活动重发吗？</source>
        <translation>The batches of these {0} numbers got no answer from the gateway, and no delivery report in {1} hours.

Risk: the gateway may have taken and sent some of them; resent, those numbers get the message twice and are charged again.

Resend them as a new campaign?</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="577" />
        <source>我了解风险，重发</source>
        <translation>I understand the risk: resend</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="607" />
        <source>重发未确认号码（可能重复发送）</source>
        <translation>Resend unconfirmed numbers (may send twice)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="607" />
        <source>重发失败号码</source>
        <translation>Resend failed numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="608" />
        <source>：新建活动，原活动 #{0}</source>
        <translation>: a new campaign, from campaign #{0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="611" />
        <source>{0} 个号码在屏蔽名单中，不会发送</source>
        <translation>{0} numbers are on the suppression list and will not be sent to</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="626" />
        <source>正在发送重发活动…</source>
        <translation>Sending the resend campaign…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="638" />
        <source>导出结果</source>
        <translation>Export results</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="639" />
        <source>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="657" />
        <source>正在导出 %p%</source>
        <translation>Exporting %p%</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="659" />
        <source>正在导出结果…</source>
        <translation>Exporting results…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="680" />
        <source>已导出 {0} 个号码到 {1}</source>
        <translation>Exported {0} numbers to {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaign_detail.py" line="687" />
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="157" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="157" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="157" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="158" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="158" />
        <source>收件人</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="159" />
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="159" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="160" />
        <source>被拒</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="160" />
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="161" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="161" />
        <source>待报告</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="162" />
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="162" />
        <source>退订</source>
        <translation>Opt-outs</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="163" />
        <source>送达率</source>
        <translation>Delivery rate</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="163" />
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="168" />
        <source>普通</source>
        <translation>Plain</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="169" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="175" />
        <source>共 {0} 次发送</source>
        <translation>Campaigns: {0}</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="82" />
        <source>双击或按回车查看活动详情</source>
        <translation>Double-click or press Enter for the campaign's detail</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="91" />
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="91" />
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="167" />
        <source>已发出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="92" />
        <source>送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="93" />
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="170" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="94" />
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="168" />
        <source>计费条数</source>
        <translation>Charged</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="104" />
        <source>每日汇总（不含测试发送）</source>
        <translation>Per day (test sends left out)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="111" />
        <source>显示测试发送</source>
        <translation>Show test sends</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="116" />
        <source>只看我的</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="118" />
        <source>只显示本机当前用户创建的发送（团队共用数据库时）</source>
        <translation>Only the sends this user created on this computer (when a team shares one database)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="120" />
        <source>查看详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="123" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="163" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="164" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="165" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="166" />
        <source>收件人</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="169" />
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="171" />
        <source>等待报告</source>
        <translation>Awaiting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="172" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="173" />
        <source>被拒</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="174" />
        <source>回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="175" />
        <source>退订</source>
        <translation>Opt-outs</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="176" />
        <source>送达率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="177" />
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="183" />
        <source>［测试］{0}</source>
        <translation>[test] {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="243" />
        <source>共 {0} 次发送</source>
        <translation>Campaigns: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="245" />
        <source>（其中测试发送 {0} 次{1}）</source>
        <translation> ({0} test sends{1})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="246" />
        <source>，已隐藏</source>
        <translation>, hidden</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="267" />
        <source>读取本地记录失败：{0}</source>
        <translation>Could not read the local records: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/campaigns_view.py" line="280" />
        <source>先在列表中选择一次发送</source>
        <translation>Select a campaign in the list first</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="139" />
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="210" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="353" />
        <source>其余 {0} 项：{1}（{2}）</source>
        <translation>{0} more: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="366" />
        <source>{0}：{1}（{2}）</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="453" />
        <location filename="../../ljsms_desktop/ui/charts.py" line="666" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="497" />
        <source>{0}天</source>
        <translation>{0} d</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="499" />
        <source>{0}小时</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="501" />
        <source>{0}小时{1}分</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="503" />
        <source>{0}分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="647" />
        <source>峰值 {0}</source>
        <translation>Peak {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="677" />
        <source>已送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="679" />
        <source>失败·{0}</source>
        <translation>Failed · {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="683" />
        <source>等待报告</source>
        <translation>Awaiting report</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="684" />
        <source>结果未知</source>
        <translation>Outcome unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="685" />
        <source>网关拒收</source>
        <translation>Refused by the gateway</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="705" />
        <source>其他 {0} 种代码</source>
        <translation>{0} other codes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/charts.py" line="717" />
        <source>送达率 {0} · {1}</source>
        <translation>Delivered {0} · {1}</translation>
    </message>
</context>
<context>
    <name>ComposeTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="43" />
        <source>“{0}”</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="44" />
        <source>{0} 第 {1} 行</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="72" />
        <source>【公司签名】短信内容……回T退订</source>
        <translation>【Company signature】Your message… 回T退订</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="77" />
        <source>加上“回T退订”</source>
        <translation>Add “回T退订”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="79" />
        <source>在内容末尾加上退订方式</source>
        <translation>Add the opt-out line (reply T to unsubscribe) at the end</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="82" />
        <source>验证码、通知类短信可取消勾选</source>
        <translation>Untick for verification codes and notifications</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="83" />
        <source>短信内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="95" />
        <source>粘贴手机号：每行一个，或用逗号、空格、分号分隔；可带 +86</source>
        <translation>Paste mobile numbers: one per line, or separated by commas, spaces or semicolons; +86 is fine</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="96" />
        <source>从文件导入…</source>
        <translation>Import from File…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="98" />
        <source>从 Excel、WPS 表格或 CSV/TXT 文件读取手机号</source>
        <translation>Read mobile numbers from an Excel, WPS, CSV or TXT file</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="100" />
        <source>从以往活动选取…</source>
        <translation>From a Past Campaign…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="102" />
        <source>选取以往某次活动中发送失败或未收到送达报告的号码</source>
        <translation>Pick the numbers of a past campaign that failed or never got a delivery report</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="104" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="110" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="112" />
        <source>移除从文件或以往活动导入的号码</source>
        <translation>Remove the numbers imported from files or past campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="122" />
        <source>无效的号码不会发送；重复的号码只发一次</source>
        <translation>Invalid numbers are not sent; a repeated number is sent once</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="123" />
        <source>接收号码</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="142" />
        <source>自己的手机号，多个用逗号分隔</source>
        <translation>Your own mobile numbers, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="145" />
        <source>测试发送</source>
        <translation>Test Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="151" />
        <source>测试号码：</source>
        <translation>Test numbers:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="246" />
        <source>已输入 {0} 字，共 {1} 条，本条还可输入 {2} 字</source>
        <translation>{0} characters, {1} part(s), {2} more fit in this part</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="256" />
        <source>提示：营销短信请告知退订方式，如在末尾加上“回T退订”</source>
        <translation>Tip: a marketing SMS must say how to opt out, e.g. end it with “回T退订” (reply T to unsubscribe)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="271" />
        <source>{0}：{1} 个号码</source>
        <translation>{0}: {1} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="272" />
        <source>另有导入的号码 — </source>
        <translation>Also imported — </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="272" />
        <source>；</source>
        <comment>list separator</comment>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="296" />
        <source>正在检查 {0} 个号码…</source>
        <translation>Checking {0} numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="322" />
        <source>还没有号码</source>
        <translation>No numbers yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="324" />
        <source>有效 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>valid &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="325" />
        <source>无效 {0}</source>
        <translation>invalid {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="326" />
        <source>重复 {0}</source>
        <translation>duplicate {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="327" />
        <source>已退订/屏蔽 {0}</source>
        <translation>opted out/blocked {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="331" />
        <source>“{0}” </source>
        <translation>“{0}” </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="332" />
        <source>{0}：{1}{2}</source>
        <translation>{0}: {1}{2}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="335" />
        <source>……还有 {0} 个无效或重复的号码</source>
        <translation>…and {0} more invalid or duplicate numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="341" />
        <source>将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条</source>
        <translation>Will send to {0} numbers, {1} part(s) each, {2} messages in all</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="355" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="399" />
        <source>正在导入号码，请稍候</source>
        <translation>Importing numbers, please wait</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="359" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="364" />
        <source>正在检查号码…</source>
        <translation>Checking numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="361" />
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="383" />
        <source>请先输入短信内容</source>
        <translation>Enter the message first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="388" />
        <source>请先填写测试号码（自己的手机号）</source>
        <translation>Enter test numbers first (your own mobile)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="394" />
        <source>先发给自己的测试号码，在“状态报告”中确认送达</source>
        <translation>Send to your own test numbers first and check delivery in “Delivery Reports”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="410" />
        <source>选择号码文件</source>
        <translation>Choose a Numbers File</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="411" />
        <source>表格或文本</source>
        <translation>Spreadsheets or text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="411" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="427" />
        <source>停止导入</source>
        <translation>Stop importing</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="428" />
        <source>正在导入“{0}”…</source>
        <translation>Importing “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="439" />
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
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="205" />
        <source>发送短信：{0}</source>
        <translation>Send SMS: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="216" />
        <source>号码列表已清空，以免重复发送。</source>
        <translation>The number list was cleared so nothing is sent twice.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="220" />
        <source> 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送；号码列表已清空，以免重复发送。</source>
        <translation> {0} numbers were sent; fix the problem and continue the rest from “Campaigns”. The number list was cleared so nothing is sent twice.</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="36" />
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="146" />
        <source>确认发送</source>
        <translation>Confirm Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="51" />
        <source>{0} 个号码</source>
        <translation>{0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="54" />
        <source>无效 {0}</source>
        <translation>invalid {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="56" />
        <source>重复 {0}</source>
        <translation>duplicate {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="58" />
        <source>已退订/屏蔽 {0}</source>
        <translation>opted out/blocked {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="60" />
        <source>（已排除：{0}）</source>
        <translation> (left out: {0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="60" />
        <source>，</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="61" />
        <source>收件人：</source>
        <translation>Recipients:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="63" />
        <source>每个号码 {0}–{1} 条</source>
        <translation>{0}–{1} part(s) per number</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="65" />
        <source>每个号码 {0} 条</source>
        <translation>{0} part(s) per number</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="66" />
        <source>短信条数：</source>
        <translation>Message parts:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="67" />
        <source>{0} 条（分 {1} 批发送）</source>
        <translation>{0} messages ({1} batch(es))</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="69" />
        <source>预计消耗：</source>
        <translation>Estimated cost:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="74" />
        <source>当前余额：</source>
        <translation>Current balance:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="75" />
        <source>发送后余额：</source>
        <translation>Balance after:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="77" />
        <source>发送时间：</source>
        <translation>Send at:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="84" />
        <source>第一个号码（{0}）将收到：</source>
        <translation>The first number ({0}) gets:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="86" />
        <source>短信内容：</source>
        <translation>Message:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="119" />
        <source>定时时间在免打扰时段（{0}）内：营销短信将等到 {1} 再发送。</source>
        <translation>The scheduled time is within the quiet hours ({0}): marketing SMS will wait until {1}.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="123" />
        <source>现在是免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。</source>
        <translation>It is now the quiet hours ({0}): marketing SMS sent now tends to draw complaints.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="125" />
        <source>这次发送预计会持续到免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。</source>
        <translation>This send is expected to run into the quiet hours ({0}): marketing SMS sent then tends to draw complaints.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="127" />
        <source>我知道，仍要现在发送</source>
        <translation>I understand, send now anyway</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="146" />
        <source>定时发送</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="149" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="165" />
        <source>未设置账号</source>
        <translation>No account set</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="192" />
        <source>正在查询…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="194" />
        <source>查询失败</source>
        <translation>check failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="195" />
        <source>余额未知（{0}）</source>
        <translation>Unknown ({0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="196" />
        <source>仍可发送：余额不足时网关会拒收，不会扣费</source>
        <translation>You can still send: if the balance is too low the gateway refuses it and charges nothing</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="197" />
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="199" />
        <source>（正在刷新…）</source>
        <translation> (refreshing…)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="200" />
        <source>剩余 {0} 条{1}</source>
        <translation>{0} messages left{1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="202" />
        <source>剩余 {0} 条</source>
        <translation>{0} messages left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="203" />
        <source>不足，还差 {0} 条</source>
        <translation>Not enough: {0} messages short</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="210" />
        <source>余额不足：本次需要 {0} 条，账户剩余 {1} 条。请充值后再发送，或减少号码。</source>
        <translation>Balance too low: this send needs {0} messages and the account has {1}. Top up, or send to fewer numbers.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/confirm_dialog.py" line="213" />
        <source>请先勾选“我知道，仍要现在发送”：现在发送营销短信会进入免打扰时段</source>
        <translation>Tick “I understand, send now anyway” first: sending marketing SMS now runs into the quiet hours</translation>
    </message>
</context>
<context>
    <name>DataGuard</name>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="70" />
        <source>从备份恢复(&amp;B)…</source>
        <translation>Restore from &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="124" />
        <source>数据文件已损坏</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="129" />
        <source>从最近的备份恢复</source>
        <translation>Restore the newest backup</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="131" />
        <source>选择备份…</source>
        <translation>Choose a backup…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="132" />
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="162" />
        <source>⚠ 有 {0} 项设置或定时发送无法使用，已改用默认值（点此查看）</source>
        <translation>⚠ {0} settings or scheduled sends could not be used; defaults are in use (click for details)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="167" />
        <source>文件无法使用</source>
        <translation>Files that could not be used</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="170" />
        <source>打开设置</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="224" />
        <source>已从备份恢复：{0}</source>
        <translation>Restored from the backup {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="226" />
        <source>恢复前的数据已另存为 {0}</source>
        <translation>The data before the restore was kept as {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="227" />
        <source>已从备份恢复</source>
        <translation>Restored from a backup</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="238" />
        <source>恢复失败</source>
        <translation>The restore failed</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/errors.py" line="28" />
        <source>程序出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/errors.py" line="35" />
        <source>（日志文件无法写入）</source>
        <translation>(the log file cannot be written)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/errors.py" line="36" />
        <source>程序遇到了一个意外错误，已记录到日志。窗口仍可继续使用；正在进行的发送不受影响，进度已保存。
如果问题反复出现，请点“复制详情”把内容发给技术支持。

错误：{0}
日志文件：{1}</source>
        <translation>The program ran into an unexpected error; it has been written to the log. The window can still be used; a send under way is not affected and its progress is saved.
If it happens again, click “Copy details” and send them to support.

Error: {0}
Log file: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/errors.py" line="50" />
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/errors.py" line="64" />
        <source>程序出错了（{0} 次）</source>
        <translation>Something went wrong ({0} times)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/errors.py" line="70" />
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ljsms_desktop/ui/app.py" line="152" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="86" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="459" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="478" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="614" />
        <source>联江短信桌面助手</source>
        <translation>Lianjiang SMS Desktop</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="88" />
        <source> — 演示模式（内置模拟网关，不会发出真实短信）</source>
        <translation> — Demo mode (built-in simulated gateway, no real SMS is sent)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="44" />
        <source>发送短信</source>
        <translation>Send SMS</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="45" />
        <source>模板群发</source>
        <translation>Template Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="47" />
        <source>发送记录</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="49" />
        <source>状态报告</source>
        <translation>Delivery Reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="50" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="468" />
        <source>上行回复</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="52" />
        <source>退订名单</source>
        <translation>Opt-outs</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="106" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="107" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="113" />
        <source>刷新余额(&amp;R)</source>
        <translation>&amp;Refresh Balance</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="116" />
        <location filename="../../ljsms_desktop/ui/main_window.py" line="592" />
        <source>立即拉取报告和回复</source>
        <translation>Pull reports and replies now</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="124" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="127" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="128" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="137" />
        <source>尚未连接网关</source>
        <translation>Not connected to the gateway yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="385" />
        <source>（演示）</source>
        <translation> (demo mode)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="386" />
        <source>账号：{0}{1}</source>
        <translation>Account: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="388" />
        <source>未设置账号</source>
        <translation>No account set</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="391" />
        <source>最近连接网关：{0}</source>
        <translation>Last gateway contact: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="398" />
        <source>团队数据库已重新连接</source>
        <translation>Team database reconnected</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="402" />
        <source>⚠ 团队数据库连接中断</source>
        <translation>⚠ Team database unreachable</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="403" />
        <source>{0}
已显示的内容仍可查看；发送会被拒绝并说明原因；连接恢复后自动刷新。</source>
        <translation>{0}
What is shown stays readable; sends are refused with the reason; everything refreshes once it is back.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="409" />
        <source>⚠ 拉取报告失败</source>
        <translation>⚠ Fetching reports failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="415" />
        <source>另一个窗口正在拉取报告</source>
        <translation>Another window is fetching reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="416" />
        <source>另一个窗口或 ljsms watch 正在为这个账号拉取状态报告和回复，这里不再重复拉取；它结束后这里自动接着拉取。</source>
        <translation>Another window or 'ljsms watch' is fetching this account's reports and replies, so this window does not; it takes over when that one ends.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="420" />
        <source>报告/回复已于 {0} 拉取</source>
        <translation>Reports/replies fetched at {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="428" />
        <source>⚠ {0} 次拉取可能丢失了最多 {1} 条</source>
        <translation>⚠ {0} fetches may have lost up to {1} items</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="429" />
        <source>⚠ {0} 次拉取可能丢失了数据（数量不明）</source>
        <translation>⚠ {0} fetches may have lost items (how many is unknown)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="431" />
        <source>⚠ 一次拉取可能丢失了最多 {0} 条</source>
        <translation>⚠ A fetch may have lost up to {0} items</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="432" />
        <source>⚠ 一次拉取可能丢失了数据（数量不明）</source>
        <translation>⚠ A fetch may have lost items (how many is unknown)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="434" />
        <source>网关已交出这些状态报告或回复，但回答在途中中断（超时、连接断开或内容不完整），它们在网关上已无法再次拉取。详见日志。</source>
        <translation>The gateway handed these reports or replies out, but its answer broke on the way (timeout, dropped connection or incomplete content); they cannot be fetched again. See the log.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="438" />
        <source>定时发送开始：{0}（{1} 个号码）</source>
        <translation>Scheduled send started: {0} ({1} numbers)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="444" />
        <source>定时发送中：已发出 {0} / {1} 个号码</source>
        <translation>Scheduled send: {0} / {1} numbers sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="448" />
        <source>定时发送“{0}”：{1}</source>
        <translation>Scheduled send “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="468" />
        <source>上行回复 ({0})</source>
        <translation>Replies ({0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="472" />
        <source>收到 {0} 条新回复</source>
        <translation>{0} new replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="557" />
        <source>正在发送</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="558" />
        <source>有一次发送正在进行。退出会在当前请求完成后暂停它，之后可在“发送记录”的活动详情中继续发送。确定退出吗？</source>
        <translation>A send is running. Quitting pauses it after the request in flight; resume it later from its detail in Campaigns. Quit?</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="576" />
        <source>正在拉取报告和回复…</source>
        <translation>Pulling reports and replies…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="576" />
        <source>未设置账号，无法拉取报告</source>
        <translation>No account set up: cannot pull reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="591" />
        <source>打开窗口</source>
        <translation>Open the window</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="594" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="610" />
        <source>联江短信桌面助手：仍在接收状态报告和回复</source>
        <translation>Lianjiang SMS Desktop: still receiving reports and replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/main_window.py" line="615" />
        <source>窗口已隐藏到托盘：仍在接收状态报告和回复，定时发送会按时执行。右键托盘图标可退出。</source>
        <translation>The window is hidden in the tray: reports and replies keep coming, schedules run on time. Right-click the tray icon to quit.</translation>
    </message>
</context>
<context>
    <name>NumbersInput</name>
    <message>
        <location filename="../../ljsms_desktop/ui/numbers_input.py" line="96" />
        <source>第 {0} 行</source>
        <translation>Line {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/numbers_input.py" line="97" />
        <source>{0} 第 {1} 行</source>
        <translation>{0} row {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/numbers_input.py" line="116" />
        <source>重复：与{0}的号码相同，只发一次</source>
        <translation>duplicate: same number as {0}, sent once</translation>
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
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="555" />
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
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="542" />
        <source>#{0}  {1}  {2}（{3} 个号码，{4}）</source>
        <translation>#{0}  {1}  {2} ({3} numbers, {4})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="543" />
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="546" />
        <source>还没有发送记录</source>
        <translation>No campaigns yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="563" />
        <source>正在读取号码…</source>
        <translation>Reading numbers…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/compose_tab.py" line="571" />
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
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="112" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="234" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="113" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="234" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="114" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="234" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="122" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="235" />
        <source>扩展号</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="123" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="235" />
        <source>msgId</source>
        <translation>msgId</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="121" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="234" />
        <source>发送记录</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="43" />
        <source>{0} 条新回复 ↑</source>
        <translation>{0} new replies ↑</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="51" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="160" />
        <source>全部发送记录</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="52" />
        <source>仅退订</source>
        <translation>Opt-outs only</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="54" />
        <source>仅未读</source>
        <translation>Unread only</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="57" />
        <source>搜索号码、尾号或回复内容</source>
        <translation>Number, last digits or reply text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="59" />
        <source>{0} 条上行回复，正在读取…</source>
        <translation>{0} replies, reading…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="60" />
        <source>回复…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="62" />
        <source>在“发送短信”中给这个号码发短信</source>
        <translation>Text this number from “Send SMS”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="64" />
        <source>标为已读</source>
        <translation>Mark Read</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="67" />
        <source>全部标为已读</source>
        <translation>Mark All Read</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="69" />
        <source>把当前筛选出的所有回复标为已读</source>
        <translation>Mark every reply the filter shows as read</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="71" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="74" />
        <source>取消导出</source>
        <translation>Cancel Export</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="75" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="116" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="234" />
        <source>表格内容</source>
        <translation>Sheet values</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="117" />
        <source>收件人在发送表格中的内容</source>
        <translation>The recipient's values in the sheet the campaign was sent from</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="119" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="235" />
        <source>退订</source>
        <translation>Opt-out</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="119" />
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="236" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="160" />
        <source>发送记录 {0}</source>
        <translation>Campaign {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="165" />
        <source>{0} 条上行回复，正在筛选…</source>
        <translation>{0} replies, filtering…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="169" />
        <source>读取本地记录失败：{0}</source>
        <translation>Could not read the local records: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="185" />
        <source>{0} 条上行回复，{1} 条未读</source>
        <translation>{0} replies, {1} unread</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="220" />
        <source>标记失败：{0}</source>
        <translation>Could not mark: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="224" />
        <source>上行回复.xlsx</source>
        <translation>replies.xlsx</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="224" />
        <source>导出上行回复</source>
        <translation>Export Replies</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="225" />
        <source>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="259" />
        <source>已导出 {0} 条上行回复到 {1}</source>
        <translation>Exported {0} replies to {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="262" />
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/replies_view.py" line="266" />
        <source>已取消导出</source>
        <translation>Export cancelled</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="114" />
        <source>{0} 条新报告 ↑</source>
        <translation>{0} new reports ↑</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="119" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="241" />
        <source>全部发送记录</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="126" />
        <source>全部原因</source>
        <translation>Any reason</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="131" />
        <source>全部运营商</source>
        <translation>All carriers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="137" />
        <source>搜索号码、尾号或 msgId</source>
        <translation>Number, last digits or msgId</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="139" />
        <source>{0} 条状态报告，正在读取…</source>
        <translation>{0} delivery reports, reading…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="140" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="142" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="144" />
        <source>把当前筛选出的状态报告导出为 .xlsx 或 .csv</source>
        <translation>Export the delivery reports the filter shows to .xlsx or .csv</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="146" />
        <source>取消导出</source>
        <translation>Cancel Export</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="181" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="269" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="182" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="269" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="183" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="269" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="186" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="269" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="188" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="270" />
        <source>号段归属</source>
        <translation>Carrier (by prefix)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="241" />
        <source>发送记录 {0}</source>
        <translation>Campaign {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="246" />
        <source>{0} 条状态报告，正在筛选…</source>
        <translation>{0} delivery reports, filtering…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="250" />
        <source>读取本地记录失败：{0}</source>
        <translation>Could not read the local records: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="259" />
        <source>{0} 条状态报告符合筛选条件</source>
        <translation>{0} delivery reports match the filter</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="261" />
        <source>{0} 条状态报告</source>
        <translation>{0} delivery reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="265" />
        <source>状态报告.xlsx</source>
        <translation>delivery-reports.xlsx</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="265" />
        <source>导出状态报告</source>
        <translation>Export Delivery Reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="266" />
        <source>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="269" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="305" />
        <source>已导出 {0} 行</source>
        <translation>{0} rows exported</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="308" />
        <source>已导出 {0} 条状态报告到 {1}</source>
        <translation>Exported {0} delivery reports to {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="311" />
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="315" />
        <source>已取消导出</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="191" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="270" />
        <source>msgId</source>
        <translation>msgId</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="192" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="270" />
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="190" />
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="270" />
        <source>发送记录</source>
        <translation>Campaign</translation>
    </message>
</context>
<context>
    <name>ResendDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="25" />
        <source>重发失败号码</source>
        <translation>Resend failed numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="29" />
        <source>选择要重发的号码。将新建一次活动，内容与原活动相同（模板群发保留每个号码的变量）。</source>
        <translation>Choose the numbers to resend. A new campaign is made with the same text (a template send keeps each number's values).</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="38" />
        <source>{0}（{1} 个号码）</source>
        <translation>{0} ({1} numbers)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="43" />
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="49" />
        <source>结果不明的号码可能已经收到，不会重发</source>
        <translation>Numbers without a clear outcome may have received it: never resent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="60" />
        <source>从未发出的号码（被网关拒收或未发送的批次，{0} 个）</source>
        <translation>Numbers never sent (refused or unsent batches, {0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="65" />
        <source>结果未知的批次和仍在等待状态报告的号码不会重发。</source>
        <translation>Numbers of unknown batches and numbers still awaiting a report are never resent.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="73" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="92" />
        <source>约 {0} 个号码（屏蔽名单中的号码会被跳过）</source>
        <translation>About {0} numbers (numbers on the suppression list are skipped)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/resend_dialog.py" line="95" />
        <source>请至少选择一类号码</source>
        <translation>Tick at least one kind of number</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="259" />
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="334" />
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="261" />
        <source>恢复会用所选的备份替换当前数据（活动、报告、回复、屏蔽名单、模板）；当前数据会先另存为一份备份。恢复期间暂停拉取报告。</source>
        <translation>Restoring replaces the current data (campaigns, reports, replies, suppression list, templates) with the chosen backup; the current data is first kept as a backup. Pulling reports pauses meanwhile.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="266" />
        <source>备份时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="266" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="266" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="273" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="278" />
        <source>选择其他文件…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="298" />
        <source>正在读取备份…</source>
        <translation>Reading the backups…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="305" />
        <source>恢复前的数据</source>
        <translation>Data before a restore</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="307" />
        <source>升级数据格式前</source>
        <translation>Before a data format upgrade</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="316" />
        <source>还没有备份：程序每天自动备份一次，保留最近 7 份。</source>
        <translation>No backups yet: the program takes one a day and keeps the newest 7.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="328" />
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="329" />
        <source>数据文件 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Data files (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="335" />
        <source>用备份 {0} 替换当前数据？
当前数据会先另存为一份备份。</source>
        <translation>Replace the current data with the backup {0}?
The current data is first kept as a backup.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/restore_dialog.py" line="348" />
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="33" />
        <source>发送短信</source>
        <translation>Send SMS</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="34" />
        <source>模板群发</source>
        <translation>Template Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="213" />
        <source>定时发送</source>
        <translation>Send later</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="215" />
        <source>在指定时间自动发送。程序需保持运行（关闭窗口后在系统托盘继续运行）</source>
        <translation>Send automatically at the chosen time. Keep the program running (closing the window leaves it in the tray)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="221" />
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="262" />
        <source>先勾选“定时发送”</source>
        <translation>Tick “Send later” first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="232" />
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="349" />
        <source>取消定时</source>
        <translation>Unschedule</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="236" />
        <source>定时任务：</source>
        <translation>Scheduled sends:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="316" />
        <source>（原定 {0}，免打扰时段后发送）</source>
        <translation> (set for {0}; goes out after the quiet hours)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="317" />
        <source>{0}  {1}（{2} 个号码，{3}）</source>
        <translation>{0}  {1} ({2} numbers, {3})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="320" />
        <source> —「{0}」</source>
        <translation> — “{0}”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="329" />
        <source>发送失败：{0}</source>
        <translation>Send failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="332" />
        <source>已停止：已发出 {0} 个号码，其余可在“发送记录”中继续发送</source>
        <translation>Stopped: {0} numbers sent; send the rest from Campaigns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="333" />
        <source>网关接收 {0} 个号码</source>
        <translation>the gateway accepted {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="335" />
        <source>，拒收 {0} 个</source>
        <translation>, rejected {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="337" />
        <source>，状态未知 {0} 个</source>
        <translation>, status unknown for {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="349" />
        <source>停止发送</source>
        <translation>Stop Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="351" />
        <source>先在列表中选择一个定时任务</source>
        <translation>Choose a scheduled send in the list first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="353" />
        <source>停止发送：已发出的短信无法撤回，其余号码不再发送</source>
        <translation>Stop sending: messages already sent cannot be recalled; the remaining numbers are not sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="355" />
        <source>这个任务发送到一半时程序关闭了，稍后会自动继续发送</source>
        <translation>The program closed while this send was under way; it resumes shortly by itself</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/schedule_panel.py" line="357" />
        <source>这个任务已经结束</source>
        <translation>This send has ended</translation>
    </message>
</context>
<context>
    <name>SendTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="88" />
        <source>营销短信（须告知退订方式，避开免打扰时段）</source>
        <translation>Marketing SMS (must say how to opt out; avoid the quiet hours)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="103" />
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="266" />
        <source>发送…</source>
        <translation>Send…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="124" />
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="253" />
        <source>正在发送另一个活动，请等它结束</source>
        <translation>Another campaign is being sent; wait until it finishes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="256" />
        <source>还没有设置账号和密码：请打开“文件 → 设置”</source>
        <translation>No account and password yet: open File → Settings</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="266" />
        <source>定时发送…</source>
        <translation>Schedule…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="279" />
        <source>定时时间已经过去，请选择将来的时间</source>
        <translation>The scheduled time has passed; choose a time in the future</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="300" />
        <source>正在发送另一个活动，请等它结束后再发送</source>
        <translation>Another campaign is being sent; send again when it has finished</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="305" />
        <source>已安排在 {0} 发送给 {1} 个号码。程序需保持运行（关闭窗口后在托盘中继续）。</source>
        <translation>Scheduled for {0} to {1} numbers. Keep the program running (closing the window leaves it in the tray).</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="313" />
        <source>定时发送未能保存：{0}</source>
        <translation>The scheduled send could not be saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="327" />
        <source>测试发送</source>
        <translation>Test Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="327" />
        <source>正在发送</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="328" />
        <source>停止发送：已发出的短信无法撤回，其余号码不再发送</source>
        <translation>Stop sending: messages already sent cannot be recalled; the remaining numbers are not sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="329" />
        <source>{0}：{1} 个号码</source>
        <translation>{0}: {1} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="340" />
        <source>已发出 {0} / {1} 个号码（第 {2} / {3} 批）</source>
        <translation>Sent {0} / {1} numbers (batch {2} / {3})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="356" />
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="357" />
        <source>……</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="359" />
        <source>第 {0} 批（共 {1} 个号码）状态未知：发送时网络中断或网关没有回应，这些号码可能已经发出，也可能没有。系统会根据状态报告自动确认，请勿重复发送。若一小时后仍未确认，请联系联江客服核对。</source>
        <translation>Batch {0} ({1} numbers) has an unknown status: the network dropped or the gateway did not answer while sending, so these messages may or may not have gone out. Delivery reports will settle it automatically; do not send them again. If it is still unknown after an hour, ask Lianjiang support to check.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="377" />
        <source>测试短信已发出</source>
        <translation>Test message sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="377" />
        <source>测试发送完成</source>
        <translation>Test send complete</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="378" />
        <source>测试短信已发给 {0} 个号码。送达结果稍后会出现在“状态报告”中。</source>
        <translation>Test message sent to {0} number(s). Delivery results will appear in “Delivery Reports” shortly.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="382" />
        <source>已取消：已发出 {0} 个号码，其余不再发送</source>
        <translation>Cancelled: {0} numbers sent, the rest will not be sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="383" />
        <source>发送已取消</source>
        <translation>Send cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="384" />
        <source>发送已取消。已发出的短信无法撤回，详情见“发送记录”。</source>
        <translation>Send cancelled. Messages already sent cannot be recalled; see “Campaigns” for details.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="386" />
        <source>全部批次已发出</source>
        <translation>All batches sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="386" />
        <source>发送完成：{0} 个号码</source>
        <translation>Send complete: {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="388" />
        <source>已发送：网关接收 {0} 个号码</source>
        <translation>Sent: the gateway accepted {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="390" />
        <source>，拒收 {0} 个</source>
        <translation>, rejected {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="392" />
        <source>，状态未知 {0} 个</source>
        <translation>, status unknown for {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="393" />
        <source>。送达情况请看“状态报告”和“发送记录”。</source>
        <translation>. See “Delivery Reports” and “Campaigns” for delivery.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="399" />
        <source>发送失败</source>
        <translation>Send failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="400" />
        <source>发送失败：{0}</source>
        <translation>Send failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="402" />
        <source>。请在“文件 → 设置”中检查账号和密码。</source>
        <translation>. Check the account and password in File → Settings.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/send_tab.py" line="404" />
        <source> 本次没有发出任何短信。</source>
        <translation> No messages were sent.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="29" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="36" />
        <source>欢迎使用联江短信桌面助手。请填写联江·云通讯的接口账号和密码；没有账号也可以先试用演示模式。</source>
        <translation>Welcome to Lianjiang SMS Desktop. Enter your 联江·云通讯 API account and password; without an account you can try the demo mode first.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="42" />
        <source>保存后设置文件将按下面的内容重写。</source>
        <translation>Saving rewrites the settings file with the values below.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="53" />
        <source>网关地址</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="56" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="60" />
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="182" />
        <source>已保存（不修改请留空）</source>
        <translation>Saved (leave empty to keep it)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="60" />
        <source>接口密码</source>
        <translation>API password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="61" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="66" />
        <source>只在本次运行期间记住（关闭程序后需要重新输入）</source>
        <translation>Remember until the program closes</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="67" />
        <source>不保存密码</source>
        <translation>Do not save the password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="79" />
        <source>演示模式：演示账号的密码只在本次运行中使用，不会保存。</source>
        <translation>Demo mode: the demo account's password is used for this run only and never stored.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="83" />
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="174" />
        <source>密码只保存在系统钥匙串中（{0}），不会写入设置文件或日志。</source>
        <translation>The password is kept only in the system keyring ({0}), never in the settings file or the log.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="88" />
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="177" />
        <source>本机没有可用的系统钥匙串（密码保管服务），无法长期保存密码。请选择：</source>
        <translation>No system keyring (password store) is available here, so the password cannot be kept. Choose:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="91" />
        <source>正在查看系统钥匙串…</source>
        <translation>Checking the system keyring…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="98" />
        <source>可不填；只能是数字</source>
        <translation>Optional; digits only</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="99" />
        <source>默认扩展号</source>
        <translation>Default extension</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="102" />
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="104" />
        <source>报告/回复拉取间隔</source>
        <translation>Report/reply polling interval</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="107" />
        <source> 条</source>
        <translation> messages</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="109" />
        <source>余额提醒阈值</source>
        <translation>Low balance warning at</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="112" />
        <source>自己的手机号，多个用逗号分隔</source>
        <translation>Your own mobile numbers, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="113" />
        <source>测试号码</source>
        <translation>Test numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="120" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="123" />
        <source>免打扰时段</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="127" />
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="129" />
        <source>“结果未知”的批次超过这么久仍没有状态报告，活动详情会提示并提供“重发未确认号码”</source>
        <translation>A batch of unknown outcome with no delivery report for this long: its campaign detail says so and offers “Resend unconfirmed numbers”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="130" />
        <source>未确认批次提醒</source>
        <translation>Unconfirmed batches after</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="133" />
        <source>测试连接</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="142" />
        <source>团队…</source>
        <translation>Team…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="144" />
        <source>与同事共用一个数据库：数据库地址、测试连接、升级数据库</source>
        <translation>Share one database with colleagues: its address, test the connection, migrate it</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="151" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="153" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="155" />
        <source>试用演示</source>
        <translation>Try the Demo</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="157" />
        <source>启动内置的网关模拟器，用演示账号体验完整流程，不会发出真实短信</source>
        <translation>Start the built-in gateway simulator and try everything with a demo account; no real SMS is sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="195" />
        <source>请先填写账号和密码</source>
        <translation>Enter the account and password first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="198" />
        <source>正在连接……</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="216" />
        <source>连接成功：剩余 {0} 条</source>
        <translation>Connected: {0} messages left</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="220" />
        <source>（代码 {0}）</source>
        <translation> (code {0})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="221" />
        <source>连接失败：</source>
        <translation>Connection failed: </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="231" />
        <source>网关地址应以 http:// 或 https:// 开头</source>
        <translation>The gateway address must start with http:// or https://</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="233" />
        <source>请填写账号</source>
        <translation>Enter the account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="236" />
        <source>扩展号只能是数字</source>
        <translation>The extension must be digits only</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="239" />
        <source>测试号码无效：{0}</source>
        <translation>Invalid test numbers: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="239" />
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="295" />
        <source>无法把密码存入系统钥匙串：{0}。可选择“只在本次运行期间记住”。</source>
        <translation>Could not store the password in the system keyring: {0}. You can choose “Remember until the program closes”.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="286" />
        <source>更换账号</source>
        <translation>Change Account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/settings_dialog.py" line="287" />
        <source>是否从钥匙串中删除旧账号 {0} 的密码？</source>
        <translation>Delete the password of the old account {0} from the keyring?</translation>
    </message>
</context>
<context>
    <name>SuppressionView</name>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="75" />
        <source>搜索号码（可只输后几位）或原因</source>
        <translation>Search a number (or its last digits) or a reason</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="84" />
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="85" />
        <source>移出名单…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="86" />
        <source>从表格导入…</source>
        <translation>Import a sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="87" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="88" />
        <source>显示更多</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="95" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="95" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="95" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="96" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="96" />
        <source>加入时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="119" />
        <source>名单中的号码在每次发送时都会被跳过：回复退订（TD、退订…）和状态报告中的退订码会自动加入。</source>
        <translation>Numbers on the list are skipped by every send: opt-out replies (TD, 退订…) and opt-out codes in delivery reports are added by themselves.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="177" />
        <source>找到 {0} 个号码</source>
        <translation>{0} numbers found</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="179" />
        <source>屏蔽名单共 {0} 个号码</source>
        <translation>{0} numbers on the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="181" />
        <source>，显示前 {0} 个</source>
        <translation>, the first {0} shown</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="189" />
        <source>回复退订</source>
        <translation>Opt-out reply</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="189" />
        <source>状态报告退订码</source>
        <translation>Opt-out report code</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="189" />
        <source>手动</source>
        <translation>By hand</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="194" />
        <source>手动添加</source>
        <translation>Added by hand</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="198" />
        <source>读取屏蔽名单失败：{0}</source>
        <translation>Could not read the suppression list: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="207" />
        <source>移出选中的 {0} 个号码</source>
        <translation>Remove the {0} selected numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="207" />
        <source>先在列表中选择号码</source>
        <translation>Select numbers in the list first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="209" />
        <source>名单是空的</source>
        <translation>The list is empty</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="239" />
        <source>已加入 {0} 个号码</source>
        <translation>Added {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="241" />
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="300" />
        <source>，{0} 个原已在名单中</source>
        <translation>, {0} were already on it</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="243" />
        <source>；{0} 项不是有效号码：{1}</source>
        <translation>; {0} entries were not valid numbers: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="254" />
        <source>移出屏蔽名单</source>
        <translation>Remove from the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="255" />
        <source>移出后，以后的发送会再次发给这 {0} 个号码：{1}
如果对方曾回复退订，再次发送可能引起投诉。

请填写原因：</source>
        <translation>Once removed, later sends reach these {0} numbers again: {1}
If they had replied to opt out, sending again may cause complaints.

The reason:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="260" />
        <source>未移出：请填写原因</source>
        <translation>Not removed: give a reason</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="272" />
        <source>已移出 {0} 个号码</source>
        <translation>Removed {0} numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="278" />
        <source>导入号码到屏蔽名单</source>
        <translation>Import numbers into the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="279" />
        <source>表格 (*.xlsx *.xls *.csv *.txt)</source>
        <translation>Sheets (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="286" />
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="298" />
        <source>已从表格加入 {0} 个号码</source>
        <translation>Added {0} numbers from the sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="302" />
        <source>；{0} 行不是有效号码，已跳过</source>
        <translation>; {0} rows were not valid numbers and were skipped</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="309" />
        <source>导出屏蔽名单</source>
        <translation>Export the suppression list</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="310" />
        <source>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="323" />
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/suppression_view.py" line="325" />
        <source>已导出 {0} 个号码到 {1}</source>
        <translation>Exported {0} numbers to {1}</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="26" />
        <source>团队（共用数据库）</source>
        <translation>Team (shared database)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="28" />
        <source>同一账号的几位同事可以共用一个 PostgreSQL 数据库：每个人都能看到全部发送记录、状态报告和回复，同一批号码绝不会被两台电脑重复发送。留空则只用本机的数据文件。</source>
        <translation>Colleagues on one account can share a PostgreSQL database: everyone sees every campaign, delivery report and reply, and no batch is ever sent by two computers. Leave it empty to keep this computer's own file.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="37" />
        <source>数据库地址</source>
        <translation>Database address</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="41" />
        <source>数据库密码（存入系统钥匙串；不修改请留空）</source>
        <translation>Database password (kept in the system keyring; leave empty to keep it)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="42" />
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="44" />
        <source>测试连接</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="47" />
        <source>升级数据库</source>
        <translation>Migrate database</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="49" />
        <source>建立或升级数据库中的表（其他电脑仍可同时使用）</source>
        <translation>Create or upgrade the tables (other computers may keep using it)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="60" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="61" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="71" />
        <source>数据库地址应以 postgresql:// 开头，例如 postgresql://ljsms@192.168.1.10:5432/ljsms</source>
        <translation>The address starts with postgresql://, e.g. postgresql://ljsms@192.168.1.10:5432/ljsms</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="87" />
        <source>请先填写数据库地址。</source>
        <translation>Enter the database address first.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="91" />
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/team_dialog.py" line="143" />
        <source>已保存，但现在连不上数据库：{0}。已显示的内容仍可查看，发送会被拒绝并说明原因。</source>
        <translation>Saved, but the database cannot be reached now: {0}. What is shown stays readable; sends are refused with the reason.</translation>
    </message>
</context>
<context>
    <name>TemplateTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="57" />
        <source>示例导入表格.xlsx</source>
        <translation>sample_import.xlsx</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="124" />
        <source>已保存的模板</source>
        <translation>Saved templates</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="126" />
        <source>保存模板</source>
        <translation>Save Template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="129" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="134" />
        <source>联江平台上的模板编号</source>
        <translation>Template ID on the Lianjiang platform</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="137" />
        <source>【公司签名】尊敬的{}，您的订单{}已发货。回T退订</source>
        <translation>【Company signature】Dear {}, your order {} has shipped. 回T退订</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="144" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="147" />
        <source>已保存的模板：</source>
        <translation>Saved templates:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="153" />
        <source>模板编号：</source>
        <translation>Template ID:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="154" />
        <source>模板内容：</source>
        <translation>Template text:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="160" />
        <source>导入表格…</source>
        <translation>Import Sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="162" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="976" />
        <source>选择 Excel、WPS 表格或 CSV 文件；也可以把文件直接拖到这里</source>
        <translation>Choose an Excel, WPS or CSV file, or drop the file here</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="164" />
        <source>下载示例表格…</source>
        <translation>Save Sample Sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="166" />
        <source>保存一份示例表格（手机号、姓名、订单号），照着填写后导入</source>
        <translation>Save a sample sheet (mobile, name, order number), fill it in the same way and import it</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="168" />
        <source>把表格文件拖到这里，或点“导入表格…”</source>
        <translation>Drop a spreadsheet here, or click “Import Sheet…”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="182" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="182" />
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="182" />
        <source>短信内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="182" />
        <source>字数 / 条数</source>
        <translation>Chars / parts</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="197" />
        <source>导出问题行…</source>
        <translation>Export Problem Rows…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="200" />
        <source>收件人表格</source>
        <translation>Recipient Sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="207" />
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="209" />
        <source>手机号列：</source>
        <translation>Mobile column:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="227" />
        <source>测试发送</source>
        <translation>Test Send</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="298" />
        <source>正在打开“{0}”…</source>
        <translation>Opening “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="353" />
        <source>（选择已保存的模板）</source>
        <translation>(choose a saved template)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="353" />
        <source>（还没有保存的模板）</source>
        <translation>(no saved templates yet)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="377" />
        <source>模板 {0} 已保存</source>
        <translation>Template {0} saved</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="404" />
        <source>先填写模板编号和模板内容</source>
        <translation>Enter the template ID and text first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="406" />
        <source>这个模板已保存</source>
        <translation>This template is saved</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="408" />
        <source>保存到本机，下次可直接选用</source>
        <translation>Save on this computer to pick it next time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="410" />
        <source>这个编号没有保存过</source>
        <translation>No template is saved under this ID</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="440" />
        <source>模板中用 {} 表示变量，按顺序由表格中的列填入</source>
        <translation>Write {} for each variable; they are filled in order from the sheet's columns</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="444" />
        <source>变量 {0} 个，固定文字 {1} 字</source>
        <translation>{0} variable(s), {1} fixed characters</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="450" />
        <source>提示：营销短信请告知退订方式，如在末尾加上“回T退订”</source>
        <translation>Tip: a marketing SMS must say how to opt out, e.g. end it with “回T退订” (reply T to unsubscribe)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="480" />
        <source>选择收件人表格</source>
        <translation>Choose a Recipient Sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="481" />
        <source>表格或文本</source>
        <translation>Spreadsheets or text</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="481" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="490" />
        <source>保存示例表格</source>
        <translation>Save Sample Sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="491" />
        <source>Excel 工作簿</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="503" />
        <source>找不到示例表格：安装文件不完整（缺少 resources/{0}），请重新安装。</source>
        <translation>The sample sheet is missing: the installation is incomplete (no resources/{0}); please reinstall.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="508" />
        <source>没有权限写入这个位置，或文件正被其他程序（如 Excel）打开</source>
        <translation>No permission to write there, or the file is open in another program (such as Excel)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="512" />
        <source>示例表格已保存到“{0}”。第一列填手机号，其后各列依次填入模板中的每个 {{}}，填好后点“导入表格…”。</source>
        <translation>Sample sheet saved to “{0}”. Put mobile numbers in the first column and one column for each {{}} of the template after it, then click “Import Sheet…”.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="516" />
        <source>示例表格未能保存到“{0}”：{1}</source>
        <translation>The sample sheet could not be saved to “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="560" />
        <source>，约 {0} 行</source>
        <translation>, about {0} rows</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="561" />
        <source>“{0}”：工作表“{1}”{2}</source>
        <translation>“{0}”: sheet “{1}”{2}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="568" />
        <source>没有认出手机号所在的列，请在“手机号列”中选择</source>
        <translation>No mobile number column found; choose it under “Mobile column”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="592" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="600" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="646" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="642" />
        <source>变量{0} {{}}：</source>
        <translation>Variable {0} {{}}:</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="664" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="980" />
        <source>先导入表格</source>
        <translation>Import a sheet first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="668" />
        <source>这个文件只有一个工作表</source>
        <translation>This file has only one sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="694" />
        <source>请选择手机号所在的列</source>
        <translation>Choose the mobile number column</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="697" />
        <source>请为变量{0}选择表格中的列：没有认出与模板文字对应的列（序号等编号列不会自动选用）</source>
        <translation>Choose the sheet column for variable {0}: no column matches the template's words (index columns such as 序号 are never chosen by themselves)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="698" />
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="700" />
        <source>手机号列不能同时作为变量列</source>
        <translation>The mobile column cannot also be a variable column</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="726" />
        <source>{0} 字 / {1} 条</source>
        <translation>{0} chars / {1} part(s)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="728" />
        <source>（先填写模板并为每个 {} 选择一列）</source>
        <translation>(enter the template and choose a column for each {})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="729" />
        <source>（请为每个 {} 选择一列）</source>
        <translation>(choose a column for each {})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="749" />
        <source>停止读取表格</source>
        <translation>Stop reading the sheet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="750" />
        <source>正在读取“{0}”…</source>
        <translation>Reading “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="763" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="774" />
        <source>已读取 {0} 行</source>
        <translation>{0} rows read</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="780" />
        <source>读取失败</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="786" />
        <source>已取消读取；修改列或重新导入可再次读取</source>
        <translation>Reading cancelled; change a column or import again to read it again</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="823" />
        <source>第 {0} 行：{1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="826" />
        <source>……共 {0} 行有问题</source>
        <translation>…{0} rows with problems in all</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="834" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="918" />
        <source>正在读取表格…</source>
        <translation>Reading the sheet…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="843" />
        <source>共 {0} 行</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="844" />
        <source>有效 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>valid &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="845" />
        <source>无效 {0}</source>
        <translation>invalid {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="846" />
        <source>重复 {0}</source>
        <translation>duplicate {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="847" />
        <source>已退订/屏蔽 {0}</source>
        <translation>opted out/blocked {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="854" />
        <source>将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条，分 {3} 批（每批最多 1000 个）</source>
        <translation>Will send to {0} numbers, {1} part(s) each, {2} messages in all, {3} batch(es) of up to 1000</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="870" />
        <source>{0}_问题行.xlsx</source>
        <translation>{0}_problem_rows.xlsx</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="871" />
        <source>导出问题行</source>
        <translation>Export Problem Rows</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="872" />
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="882" />
        <source>停止导出</source>
        <translation>Stop exporting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="883" />
        <source>正在导出问题行到“{0}”…</source>
        <translation>Exporting problem rows to “{0}”…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="887" />
        <source>已导出问题行：{0}</source>
        <translation>Problem rows exported: {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="892" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="898" />
        <source>已取消导出</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="904" />
        <source>已写出 {0} 行</source>
        <translation>{0} rows written</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="910" />
        <source>请先填写模板内容</source>
        <translation>Enter the template text first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="912" />
        <source>请先填写模板编号（联江平台上的模板编号）</source>
        <translation>Enter the template ID first (the ID on the Lianjiang platform)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="914" />
        <source>请先导入收件人表格</source>
        <translation>Import a recipient sheet first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="920" />
        <source>正在核算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="922" />
        <source>表格还没有读取完成</source>
        <translation>The sheet has not been read completely yet</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="942" />
        <source>测试号码：{0}（在“文件 → 设置”中修改）</source>
        <translation>Test numbers: {0} (change them in File → Settings)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="943" />
        <source>测试号码：未设置（在“文件 → 设置”中填写自己的手机号）</source>
        <translation>Test numbers: none (enter your own numbers in File → Settings)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="950" />
        <source>请先在“文件 → 设置”中填写测试号码（自己的手机号）</source>
        <translation>Enter test numbers (your own phones) in File → Settings first</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="954" />
        <source>表格中没有可以发送的行</source>
        <translation>The sheet has no rows that can be sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="967" />
        <source>模板 {0}</source>
        <translation>template {0}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="972" />
        <source>把表格前几行的短信发给测试号码，在“状态报告”中确认送达</source>
        <translation>Send the first rows' messages to your test numbers, then check Delivery Reports</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="975" />
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="984" />
        <source>正在处理表格，请稍候</source>
        <translation>Working on the sheet, please wait</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="982" />
        <source>没有无效的行（重复的行不需要修改）</source>
        <translation>No invalid rows (duplicate rows need no fixing)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="986" />
        <source>把无效的行连同原因导出为表格，修改后重新导入</source>
        <translation>Export the invalid rows with the reasons, fix them and import again</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="993" />
        <source>模板群发：模板 {0}，表格“{1}”</source>
        <translation>Template send: template {0}, sheet “{1}”</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="996" />
        <source>模板 {0}（{1}）</source>
        <translation>Template {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="999" />
        <source>表格已移除，以免重复安排。</source>
        <translation>The sheet was removed so it is not scheduled twice.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="1004" />
        <source>表格已移除，以免重复发送；要再次发送请重新导入。</source>
        <translation>The sheet was removed so nothing is sent twice; import it again to send again.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="1008" />
        <source> 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送。</source>
        <translation> {0} numbers were sent; fix the problem and continue the rest from “Campaigns”.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/template_tab.py" line="1007" />
        <source>表格已移除，以免重复发送。</source>
        <translation>The sheet was removed so nothing is sent twice.</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="48" />
        <source>全部时间</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="48" />
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="48" />
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="49" />
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/reports_view.py" line="49" />
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="28" />
        <source>中文</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="30" />
        <source>待发送</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="31" />
        <location filename="../../ljsms_desktop/ui/wording.py" line="39" />
        <source>发送中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="32" />
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="33" />
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="34" />
        <location filename="../../ljsms_desktop/ui/wording.py" line="42" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="35" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="38" />
        <source>等待发送</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="40" />
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="41" />
        <source>发送失败</source>
        <translation>Send failed</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="50" />
        <source>发现 {batches} 批在上次发送途中中断，已标记为“未知”（可能已发出，不会自动重发；收到其状态报告后自动改为已接收）</source>
        <translation>{batches} batches were interrupted mid-request last time and are now "unknown" (they may have gone out; they are never resent automatically and turn accepted when their delivery reports arrive)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="51" />
        <source>网关繁忙，{seconds} 秒后重试</source>
        <translation>The gateway is busy; trying again in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="52" />
        <source>无法连接网关（{message_zh}），{seconds} 秒后重试</source>
        <translation>Cannot reach the gateway ({message_zh}); trying again in {seconds} s</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="53" />
        <source>第 {seq} 批中有 {numbers} 个号码在计划后退订或被屏蔽，已跳过</source>
        <translation>Batch {seq}: {numbers} numbers opted out or were blocked after planning and were skipped</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="54" />
        <source>第 {seq} 批被网关拒绝：{message_zh}（代码 {code}），继续发送其余批次</source>
        <translation>Batch {seq} was refused by the gateway: {message_zh} (code {code}); sending the other batches</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="55" />
        <source>第 {seq} 批没有得到网关的明确回答，可能已发出：标记为“未知”，不会自动重发</source>
        <translation>Batch {seq} got no clear answer from the gateway and may have gone out: marked "unknown", never resent automatically</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="56" />
        <source>发送已停止：{reason}</source>
        <translation>Sending stopped: {reason}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="57" />
        <source>用户暂停</source>
        <translation>Paused by the user</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="58" />
        <source>用户取消</source>
        <translation>Cancelled by the user</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="59" />
        <source>已在其他窗口或命令行中取消（{text}）</source>
        <translation>Cancelled in another window or from the command line ({text})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="60" />
        <source>{message_zh}（代码 {code}）</source>
        <translation>{message_zh} (code {code})</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="61" />
        <source>网关繁忙；多次重试仍未成功，已停止，稍后可继续（resume）</source>
        <translation>The gateway stayed busy through every retry; stopped. It can be resumed later</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="62" />
        <source>无法连接网关（{message_zh}）；多次重试仍未成功，已停止，稍后可继续（resume）</source>
        <translation>Cannot reach the gateway ({message_zh}) after every retry; stopped. It can be resumed later</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="63" />
        <source>无法连接网关（{message_zh}）；没有发出任何短信，已停止，网络恢复后可继续（resume）</source>
        <translation>Cannot reach the gateway ({message_zh}); nothing was sent. Stopped; resume once the network is back</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="64" />
        <source>连续 {batches} 批请求没有得到网关的明确回答（可能已发出），已停止以免扩大影响；请检查网络后继续（resume），状态“未知”的批次不会重发</source>
        <translation>{batches} requests in a row got no clear answer from the gateway (they may have gone out); stopped so as not to make it worse. Check the network, then resume; "unknown" batches are never resent</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="65" />
        <source>连续 {batches} 批被网关以相同原因（代码 {code}）拒绝，已停止</source>
        <translation>{batches} batches in a row were refused by the gateway for the same reason (code {code}); stopped</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="66" />
        <source>{reason}（未发出任何短信，已关闭）</source>
        <translation>{reason} (nothing was sent; closed)</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="68" />
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="169" />
        <source>网关地址</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="170" />
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="171" />
        <source>默认扩展号</source>
        <translation>Default extension</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="172" />
        <source>拉取间隔</source>
        <translation>Polling interval</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="173" />
        <source>余额提醒</source>
        <translation>Balance warning</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="174" />
        <source>测试号码</source>
        <translation>Test numbers</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="175" />
        <source>免打扰开始时间</source>
        <translation>Quiet hours start</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="176" />
        <source>免打扰结束时间</source>
        <translation>Quiet hours end</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="177" />
        <source>未确认批次提醒时间</source>
        <translation>Unconfirmed batches after</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="180" />
        <source>设置文件 settings.json 无法读取，已全部使用默认设置。</source>
        <translation>The settings file settings.json cannot be read; all settings are at their defaults.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="181" />
        <source>设置文件 settings.json 的格式不对，已全部使用默认设置。</source>
        <translation>The settings file settings.json is not laid out as expected; all settings are at their defaults.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="182" />
        <source>设置“{field}”的类型不对，已改用默认值。</source>
        <translation>The setting “{field}” has the wrong type; its default is in use.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="183" />
        <source>设置“{field}”的取值无效，已改用默认值。</source>
        <translation>The setting “{field}” has an unusable value; its default is in use.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="186" />
        <source>定时发送列表 schedules.json 无法读取，其中的定时发送不会执行。</source>
        <translation>The schedule list schedules.json cannot be read; the sends in it will not run.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="187" />
        <source>定时发送列表中有 {count} 项无法读取，已跳过（不会执行）。</source>
        <translation>{count} entries of the schedule list cannot be read and were skipped (they will not run).</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="189" />
        <source>原文件已另存为 {path}</source>
        <translation>The file as it was is kept as {path}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="191" />
        <source>数据文件是空的（0 字节）：{path}</source>
        <translation>The data file is empty (0 bytes): {path}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="192" />
        <source>数据文件不完整（被截断）：{path}</source>
        <translation>The data file is truncated: {path}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="194" />
        <source>为免丢失记录（包括屏蔽名单），程序没有新建空白的数据文件。</source>
        <translation>To keep the records (and the suppression list), the program did not start an empty data file.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="195" />
        <source>最近的备份：{path}</source>
        <translation>The newest backup: {path}</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="196" />
        <source>没有找到备份。</source>
        <translation>No backup was found.</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/wording.py" line="197" />
        <source>数据文件旁的 WAL 文件（{path}-wal）可能还保存着记录，请勿删除。</source>
        <translation>The WAL file beside the data file ({path}-wal) may still hold records: do not delete it.</translation>
    </message>
</context>
<context>
    <name>_TableTab</name>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="58" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ljsms_desktop/ui/views.py" line="144" />
        <source>读取本地记录失败：{0}</source>
        <translation>Could not read the local records: {0}</translation>
    </message>
</context>
</TS>
