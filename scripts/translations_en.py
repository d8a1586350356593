"""The English wording of the window, kept as a dictionary and written into the Qt Linguist file.

Chinese is the source language (every ``self.tr("…")`` in ``ljsms_desktop/ui``); this file holds the
English for each source text. ``scripts/update-translations.sh`` runs it between pyside6-lupdate and
pyside6-lrelease, so a string added to the UI only needs its English added here:

    bash scripts/update-translations.sh     # lupdate -> this script -> lrelease (ljsms_en.qm)

It fills every ``<translation>`` of ``resources/i18n/ljsms_en.ts`` whose source it knows (marking it
finished), keeps translations someone made in Qt Linguist for sources it does not know, and lists the
sources still untranslated (``--strict``: exit 1 when there are any). Each English text must keep the
source's ``{0}``-style placeholders, ``{}`` / ``{{}}``, ``&`` accelerator and ``<b>`` tags; a mismatch is
an error (exit 2) rather than a label that breaks at run time.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "ljsms_en.ts"

# Source (Chinese) -> English. Shared by every context that uses the same source text.
EN: dict[str, str] = {
    # -- main window, menus, status bar -------------------------------------------------------------
    "联江短信桌面助手": "Lianjiang SMS Desktop",
    " — 演示模式（内置模拟网关，不会发出真实短信）": " — Demo mode (built-in simulated gateway, no real SMS is sent)",
    "发送短信": "Send SMS",
    "模板群发": "Template Send",
    "发送记录": "Campaigns",
    "状态报告": "Delivery Reports",
    "上行回复": "Replies",
    "文件(&F)": "&File",
    "设置(&S)…": "&Settings…",
    "刷新余额(&R)": "&Refresh Balance",
    "退出(&Q)": "&Quit",
    "帮助(&H)": "&Help",
    "关于(&A)": "&About",
    "关于": "About",
    "尚未连接网关": "Not connected to the gateway yet",
    "（演示）": " (demo mode)",
    "账号：{0}{1}": "Account: {0}{1}",
    "未设置账号": "No account set",
    "最近连接网关：{0}": "Last gateway contact: {0}",
    "⚠ 拉取报告失败": "⚠ Fetching reports failed",
    "报告/回复已于 {0} 拉取": "Reports/replies fetched at {0}",
    "另一个窗口正在拉取报告": "Another window is fetching reports",
    "另一个窗口或 ljsms watch 正在为这个账号拉取状态报告和回复，这里不再重复拉取；它结束后这里自动接着拉取。":
        "Another window or 'ljsms watch' is fetching this account's reports and replies, so this window does "
        "not; it takes over when that one ends.",
    "⚠ {0} 次拉取可能丢失了最多 {1} 条": "⚠ {0} fetches may have lost up to {1} items",
    "⚠ {0} 次拉取可能丢失了数据（数量不明）": "⚠ {0} fetches may have lost items (how many is unknown)",
    "⚠ 一次拉取可能丢失了最多 {0} 条": "⚠ A fetch may have lost up to {0} items",
    "⚠ 一次拉取可能丢失了数据（数量不明）": "⚠ A fetch may have lost items (how many is unknown)",
    "网关已交出这些状态报告或回复，但回答在途中中断（超时、连接断开或内容不完整），它们在网关上已无法再次拉取。详见日志。":
        "The gateway handed these reports or replies out, but its answer broke on the way (timeout, dropped "
        "connection or incomplete content); they cannot be fetched again. See the log.",
    "还没有设置账号和密码：请打开“设置”填写": "No account and password yet: enter them in Settings",

    # -- balance --------------------------------------------------------------------------------------
    "余额：—": "Balance: —",
    "剩余 {0} 条": "{0} messages left",
    "当前计划需要 {0} 条，余额不足，请先充值": "This send needs {0} messages: the balance is too low, please top up first",
    "余额低于提醒值 {0} 条": "Balance below the reminder level of {0} messages",
    "无法查询余额：{0}": "Could not check the balance: {0}",

    # -- shared words -----------------------------------------------------------------------------------
    "取消": "Cancel",
    "发送": "Send",
    "发送…": "Send…",
    "定时发送…": "Schedule…",
    "定时发送": "Send later",
    "发送失败": "Send failed",
    "发送失败：{0}": "Send failed: {0}",
    "发送已取消": "Send cancelled",
    "手机号": "Mobile",
    "时间": "Time",
    "状态": "Status",
    "模板": "Template",
    "退订": "Opt-out",
    "……": "…",
    "、": ", ",
    "，": ", ",
    "；": "; ",
    "“{0}”": "“{0}”",
    "“{0}” ": "“{0}” ",
    "{0}：{1}{2}": "{0}: {1}{2}",
    "{0}：{1} 个号码": "{0}: {1} numbers",
    "{0} 第 {1} 行": "{0} row {1}",
    "第 {0} 行": "Line {0}",
    "无效 {0}": "invalid {0}",
    "重复 {0}": "duplicate {0}",
    "已退订/屏蔽 {0}": "opted out/blocked {0}",
    "有效 <b>{0}</b>": "valid <b>{0}</b>",
    "表格或文本": "Spreadsheets or text",
    "所有文件": "All files",
    "已读取 {0} 行": "{0} rows read",
    "营销短信（须告知退订方式，避开免打扰时段）": "Marketing SMS (must say how to opt out; avoid the quiet hours)",
    "提示：营销短信请告知退订方式，如在末尾加上“回T退订”":
        "Tip: a marketing SMS must say how to opt out, e.g. end it with “回T退订” (reply T to unsubscribe)",
    "短信内容": "Message",
    "自己的手机号，多个用逗号分隔": "Your own mobile numbers, separated by commas",
    "正在发送另一个活动，请等它结束": "Another campaign is being sent; wait until it finishes",
    "正在发送另一个活动，请等它结束后再发送": "Another campaign is being sent; send again when it has finished",
    "还没有设置账号和密码：请打开“文件 → 设置”": "No account and password yet: open File → Settings",
    "定时时间已经过去，请选择将来的时间": "The scheduled time has passed; choose a time in the future",
    "已安排在 {0} 发送给 {1} 个号码。程序需保持运行（关闭窗口后在托盘中继续）。":
        "Scheduled for {0} to {1} numbers. Keep the program running (closing the window leaves it in the tray).",
    "定时发送未能保存：{0}": "The scheduled send could not be saved: {0}",
    "停止发送：已发出的短信无法撤回，其余号码不再发送":
        "Stop sending: messages already sent cannot be recalled; the remaining numbers are not sent",
    "已发出 {0} / {1} 个号码（第 {2} / {3} 批）": "Sent {0} / {1} numbers (batch {2} / {3})",
    "第 {0} 批（共 {1} 个号码）状态未知：发送时网络中断或网关没有回应，这些号码可能已经发出，也可能没有。"
    "系统会根据状态报告自动确认，请勿重复发送。若一小时后仍未确认，请联系联江客服核对。":
        "Batch {0} ({1} numbers) has an unknown status: the network dropped or the gateway did not answer while "
        "sending, so these messages may or may not have gone out. Delivery reports will settle it automatically; "
        "do not send them again. If it is still unknown after an hour, ask Lianjiang support to check.",
    "已取消：已发出 {0} 个号码，其余不再发送": "Cancelled: {0} numbers sent, the rest will not be sent",
    "发送已取消。已发出的短信无法撤回，详情见“发送记录”。":
        "Send cancelled. Messages already sent cannot be recalled; see “Campaigns” for details.",
    "全部批次已发出": "All batches sent",
    "发送完成：{0} 个号码": "Send complete: {0} numbers",
    "已发送：网关接收 {0} 个号码": "Sent: the gateway accepted {0} numbers",
    "，拒收 {0} 个": ", rejected {0}",
    "，状态未知 {0} 个": ", status unknown for {0}",
    "。送达情况请看“状态报告”和“发送记录”。": ". See “Delivery Reports” and “Campaigns” for delivery.",
    "。请在“文件 → 设置”中检查账号和密码。": ". Check the account and password in File → Settings.",
    " 本次没有发出任何短信。": " No messages were sent.",

    # -- 发送短信 (compose) ------------------------------------------------------------------------------
    "【公司签名】短信内容……回T退订": "【Company signature】Your message… 回T退订",
    "加上“回T退订”": "Add “回T退订”",
    "在内容末尾加上退订方式": "Add the opt-out line (reply T to unsubscribe) at the end",
    "验证码、通知类短信可取消勾选": "Untick for verification codes and notifications",
    "粘贴手机号：每行一个，或用逗号、空格、分号分隔；可带 +86":
        "Paste mobile numbers: one per line, or separated by commas, spaces or semicolons; +86 is fine",
    "从文件导入…": "Import from File…",
    "从 Excel、WPS 表格或 CSV/TXT 文件读取手机号": "Read mobile numbers from an Excel, WPS, CSV or TXT file",
    "从以往活动选取…": "From a Past Campaign…",
    "选取以往某次活动中发送失败或未收到送达报告的号码":
        "Pick the numbers of a past campaign that failed or never got a delivery report",
    "清空": "Clear",
    "移除": "Remove",
    "移除从文件或以往活动导入的号码": "Remove the numbers imported from files or past campaigns",
    "接收号码": "Recipients",
    "测试发送": "Test Send",
    "测试号码：": "Test numbers:",
    "已输入 {0} 字，共 {1} 条，本条还可输入 {2} 字": "{0} characters, {1} part(s), {2} more fit in this part",
    "另有导入的号码 — ": "Also imported — ",
    "正在检查 {0} 个号码…": "Checking {0} numbers…",
    "还没有号码": "No numbers yet",
    "将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条": "Will send to {0} numbers, {1} part(s) each, {2} messages in all",
    "正在导入号码，请稍候": "Importing numbers, please wait",
    "正在检查号码…": "Checking numbers…",
    "请先输入短信内容": "Enter the message first",
    "请先填写测试号码（自己的手机号）": "Enter test numbers first (your own mobile)",
    "先发给自己的测试号码，在“状态报告”中确认送达": "Send to your own test numbers first and check delivery in “Delivery Reports”",
    "选择号码文件": "Choose a Numbers File",
    "停止导入": "Stop importing",
    "正在导入“{0}”…": "Importing “{0}”…",
    "（无效 {0} 行，重复 {1} 行）": " ({0} invalid rows, {1} duplicate rows)",
    "已导入 {0}：{1} 个号码{2}": "Imported {0}: {1} numbers{2}",
    "导入失败": "Import failed",
    "已取消导入": "Import cancelled",
    "{0} 没有发送失败或未送达的号码": "{0} has no failed or undelivered numbers",
    "发送短信：{0}": "Send SMS: {0}",
    "正在发送": "Sending",
    "测试短信已发出": "Test message sent",
    "测试发送完成": "Test send complete",
    "测试短信已发给 {0} 个号码。送达结果稍后会出现在“状态报告”中。":
        "Test message sent to {0} number(s). Delivery results will appear in “Delivery Reports” shortly.",
    "号码列表已清空，以免重复发送。": "The number list was cleared so nothing is sent twice.",
    " 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送；号码列表已清空，以免重复发送。":
        " {0} numbers were sent; fix the problem and continue the rest from “Campaigns”. "
        "The number list was cleared so nothing is sent twice.",

    # -- 从以往活动选取 (pick a past campaign) ------------------------------------------------------------
    "从以往活动选取号码": "Numbers from a Past Campaign",
    "正在读取发送记录…": "Reading campaigns…",
    "选取未成功送达的号码": "Take Undelivered Numbers",
    "先选择一个活动": "Choose a campaign first",
    "选择一次活动，取其中发送失败或没有收到送达报告的号码：":
        "Choose a campaign to take its numbers that failed or never got a delivery report:",
    "#{0}  {1}  {2}（{3} 个号码，{4}）": "#{0}  {1}  {2} ({3} numbers, {4})",
    "（未命名）": "(unnamed)",
    "还没有发送记录": "No campaigns yet",
    "正在读取号码…": "Reading numbers…",
    "活动 #{0} 未成功送达的号码": "Undelivered numbers of campaign #{0}",

    # -- confirmation -----------------------------------------------------------------------------------
    "确认发送": "Confirm Send",
    "{0} 个号码": "{0} numbers",
    "（已排除：{0}）": " (left out: {0})",
    "收件人：": "Recipients:",
    "每个号码 {0}–{1} 条": "{0}–{1} part(s) per number",
    "每个号码 {0} 条": "{0} part(s) per number",
    "短信条数：": "Message parts:",
    "{0} 条（分 {1} 批发送）": "{0} messages ({1} batch(es))",
    "预计消耗：": "Estimated cost:",
    "当前余额：": "Current balance:",
    "发送后余额：": "Balance after:",
    "发送时间：": "Send at:",
    "定时时间在免打扰时段（{0}）内：营销短信将等到 {1} 再发送。":
        "The scheduled time is within the quiet hours ({0}): marketing SMS will wait until {1}.",
    "现在是免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。":
        "It is now the quiet hours ({0}): marketing SMS sent now tends to draw complaints.",
    "这次发送预计会持续到免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。":
        "This send is expected to run into the quiet hours ({0}): marketing SMS sent then tends to draw complaints.",
    "我知道，仍要现在发送": "I understand, send now anyway",
    "正在查询…": "Checking…",
    "查询失败": "check failed",
    "余额未知（{0}）": "Unknown ({0})",
    "仍可发送：余额不足时网关会拒收，不会扣费":
        "You can still send: if the balance is too low the gateway refuses it and charges nothing",
    "未知": "Unknown",
    "（正在刷新…）": " (refreshing…)",
    "剩余 {0} 条{1}": "{0} messages left{1}",
    "不足，还差 {0} 条": "Not enough: {0} messages short",
    "余额不足：本次需要 {0} 条，账户剩余 {1} 条。请充值后再发送，或减少号码。":
        "Balance too low: this send needs {0} messages and the account has {1}. Top up, or send to fewer numbers.",
    "请先勾选“我知道，仍要现在发送”：现在发送营销短信会进入免打扰时段":
        "Tick “I understand, send now anyway” first: sending marketing SMS now runs into the quiet hours",

    # -- progress ---------------------------------------------------------------------------------------
    "约 {0} 秒": "about {0} s",
    "约 {0} 分 {1} 秒": "about {0} min {1} s",
    "约 {0} 小时 {1} 分": "about {0} h {1} min",
    "停止发送：已发出的批次不会撤回，未发出的不再发送，之后可在发送记录中继续":
        "Stop sending: batches already sent are not recalled, the rest are not sent; continue later from Campaigns",
    "正在准备…": "Preparing…",
    "剩余时间 {0}": "{0} left",
    "正在取消…": "Cancelling…",
    "没有正在进行的任务": "Nothing is running",

    # -- scheduled sends --------------------------------------------------------------------------------
    "在指定时间自动发送。程序需保持运行（关闭窗口后在系统托盘继续运行）":
        "Send automatically at the chosen time. Keep the program running (closing the window leaves it in the tray)",
    "先勾选“定时发送”": "Tick “Send later” first",
    "取消定时": "Unschedule",
    "定时任务：": "Scheduled sends:",
    "（原定 {0}，免打扰时段后发送）": " (set for {0}; goes out after the quiet hours)",
    "已停止：已发出 {0} 个号码，其余可在“发送记录”中继续发送": "Stopped: {0} numbers sent; send the rest from Campaigns",
    "网关接收 {0} 个号码": "the gateway accepted {0} numbers",
    "停止发送": "Stop Sending",
    "这个任务发送到一半时程序关闭了，稍后会自动继续发送": "The program closed while this send was under way; it resumes shortly by itself",
    "这个任务已经结束": "This send has ended",
    "定时发送开始：{0}（{1} 个号码）": "Scheduled send started: {0} ({1} numbers)",
    "定时发送中：已发出 {0} / {1} 个号码": "Scheduled send: {0} / {1} numbers sent",
    "定时发送“{0}”：{1}": "Scheduled send “{0}”: {1}",
    # -- template columns, template test send, confirm sample (issue 9) -----------------------------
    "请为变量{0}选择表格中的列：没有认出与模板文字对应的列（序号等编号列不会自动选用）":
        "Choose the sheet column for variable {0}: no column matches the template's words "
        "(index columns such as 序号 are never chosen by themselves)",
    "测试号码：{0}（在“文件 → 设置”中修改）": "Test numbers: {0} (change them in File → Settings)",
    "测试号码：未设置（在“文件 → 设置”中填写自己的手机号）": "Test numbers: none (enter your own numbers in File → Settings)",
    "请先在“文件 → 设置”中填写测试号码（自己的手机号）": "Enter test numbers (your own phones) in File → Settings first",
    "表格中没有可以发送的行": "The sheet has no rows that can be sent",
    "模板 {0}": "template {0}",
    "把表格前几行的短信发给测试号码，在“状态报告”中确认送达":
        "Send the first rows' messages to your test numbers, then check Delivery Reports",
    "第一个号码（{0}）将收到：": "The first number ({0}) gets:",
    "短信内容：": "Message:",
    "重复：与{0}的号码相同，只发一次": "duplicate: same number as {0}, sent once",
    "……还有 {0} 个无效或重复的号码": "…and {0} more invalid or duplicate numbers",
    "无效的号码不会发送；重复的号码只发一次": "Invalid numbers are not sent; a repeated number is sent once",
    "演示模式：演示账号的密码只在本次运行中使用，不会保存。":
        "Demo mode: the demo account's password is used for this run only and never stored.",
    "{0}  {1}（{2} 个号码，{3}）": "{0}  {1} ({2} numbers, {3})",
    " —「{0}」": " — “{0}”",
    "先在列表中选择一个定时任务": "Choose a scheduled send in the list first",

    # -- the three tables -------------------------------------------------------------------------------
    "刷新": "Refresh",
    "读取本地记录失败：{0}": "Could not read the local records: {0}",
    "编号": "ID",
    "名称": "Name",
    "类型": "Type",
    "收件人": "Recipients",
    "已接受": "Accepted",
    "被拒": "Rejected",
    "已送达": "Delivered",
    "失败": "Failed",
    "待报告": "Pending",          # reports not yet in
    "回复": "Replies",
    "送达率": "Delivery rate",
    "创建时间": "Created",
    "普通": "Plain",
    "共 {0} 次发送": "Campaigns: {0}",
    "msgId": "msgId",
    "批次": "Batch",
    "内容": "Text",
    "扩展号": "Extension",
    "是": "Yes",
    # -- 状态报告 / 上行回复: lazy filtered tables (ui/reports_view.py, ui/replies_view.py, ui/lazy_table.py) --
    "{0} 条状态报告": "{0} delivery reports",
    "{0} 条状态报告符合筛选条件": "{0} delivery reports match the filter",
    "{0} 条新报告 ↑": "{0} new reports ↑",
    "{0} 条上行回复，{1} 条未读": "{0} replies, {1} unread",
    "{0} 条新回复 ↑": "{0} new replies ↑",
    "上行回复 ({0})": "Replies ({0})",
    "收到 {0} 条新回复": "{0} new replies",
    "状态报告.xlsx": "delivery-reports.xlsx",
    "上行回复.xlsx": "replies.xlsx",
    "仅未读": "Unread only",
    "仅退订": "Opt-outs only",
    "今天": "Today",
    "最近 7 天": "Last 7 days",
    "最近 30 天": "Last 30 days",
    "自定义…": "Custom…",
    "全部时间": "Any time",
    "全部原因": "Any reason",
    "全部发送记录": "All campaigns",
    "全部运营商": "All carriers",
    "全部标为已读": "Mark All Read",
    "标为已读": "Mark Read",
    "把当前筛选出的所有回复标为已读": "Mark every reply the filter shows as read",
    "发送记录 {0}": "Campaign {0}",
    "取消导出": "Cancel Export",
    "号段归属": "Carrier (by prefix)",
    "回复…": "Reply…",
    "在“发送短信”中给这个号码发短信": "Text this number from “Send SMS”",
    "导出上行回复": "Export Replies",
    "导出状态报告": "Export Delivery Reports",
    "导出失败：{0}": "Export failed: {0}",
    "已导出 {0} 条上行回复到 {1}": "Exported {0} replies to {1}",
    "已导出 {0} 条状态报告到 {1}": "Exported {0} delivery reports to {1}",
    "已导出 {0} 行": "{0} rows exported",
    "把当前筛选出的状态报告导出为 .xlsx 或 .csv": "Export the delivery reports the filter shows to .xlsx or .csv",
    "搜索号码、尾号或 msgId": "Number, last digits or msgId",
    "搜索号码、尾号或回复内容": "Number, last digits or reply text",
    "收件人在发送表格中的内容": "The recipient's values in the sheet the campaign was sent from",
    "标记失败：{0}": "Could not mark: {0}",
    "{0} 条状态报告，正在读取…": "{0} delivery reports, reading…",
    "{0} 条状态报告，正在筛选…": "{0} delivery reports, filtering…",
    "{0} 条上行回复，正在读取…": "{0} replies, reading…",
    "{0} 条上行回复，正在筛选…": "{0} replies, filtering…",
    "表格内容": "Sheet values",

    # -- settings ---------------------------------------------------------------------------------------
    "设置": "Settings",
    "欢迎使用联江短信桌面助手。请填写联江·云通讯的接口账号和密码；没有账号也可以先试用演示模式。":
        "Welcome to Lianjiang SMS Desktop. Enter your 联江·云通讯 API account and password; "
        "without an account you can try the demo mode first.",
    "网关地址": "Gateway address",
    "账号": "Account",
    "已保存（不修改请留空）": "Saved (leave empty to keep it)",
    "接口密码": "API password",
    "密码": "Password",
    "只在本次运行期间记住（关闭程序后需要重新输入）": "Remember until the program closes",
    "不保存密码": "Do not save the password",
    "密码只保存在系统钥匙串中（{0}），不会写入设置文件或日志。":
        "The password is kept only in the system keyring ({0}), never in the settings file or the log.",
    "本机没有可用的系统钥匙串（密码保管服务），无法长期保存密码。请选择：":
        "No system keyring (password store) is available here, so the password cannot be kept. Choose:",
    "正在查看系统钥匙串…": "Checking the system keyring…",
    "可不填；只能是数字": "Optional; digits only",
    "默认扩展号": "Default extension",
    " 秒": " s",
    "报告/回复拉取间隔": "Report/reply polling interval",
    " 条": " messages",
    "余额提醒阈值": "Low balance warning at",
    "测试号码": "Test numbers",
    "至": "to",
    "免打扰时段": "Quiet hours",
    "测试连接": "Test Connection",
    "保存": "Save",
    "试用演示": "Try the Demo",
    "启动内置的网关模拟器，用演示账号体验完整流程，不会发出真实短信":
        "Start the built-in gateway simulator and try everything with a demo account; no real SMS is sent",
    "请先填写账号和密码": "Enter the account and password first",
    "正在连接……": "Connecting…",
    "连接成功：剩余 {0} 条": "Connected: {0} messages left",
    "（代码 {0}）": " (code {0})",
    "连接失败：": "Connection failed: ",
    "网关地址应以 http:// 或 https:// 开头": "The gateway address must start with http:// or https://",
    "请填写账号": "Enter the account",
    "扩展号只能是数字": "The extension must be digits only",
    "测试号码无效：{0}": "Invalid test numbers: {0}",
    "无法把密码存入系统钥匙串：{0}。可选择“只在本次运行期间记住”。":
        "Could not store the password in the system keyring: {0}. You can choose “Remember until the program closes”.",
    "更换账号": "Change Account",
    "是否从钥匙串中删除旧账号 {0} 的密码？": "Delete the password of the old account {0} from the keyring?",

    # -- 模板群发 (template send) ------------------------------------------------------------------------
    "示例导入表格.xlsx": "sample_import.xlsx",
    "已保存的模板": "Saved templates",
    "保存模板": "Save Template",
    "删除": "Delete",
    "联江平台上的模板编号": "Template ID on the Lianjiang platform",
    "【公司签名】尊敬的{}，您的订单{}已发货。回T退订": "【Company signature】Dear {}, your order {} has shipped. 回T退订",
    "已保存的模板：": "Saved templates:",
    "模板编号：": "Template ID:",
    "模板内容：": "Template text:",
    "导入表格…": "Import Sheet…",
    "选择 Excel、WPS 表格或 CSV 文件；也可以把文件直接拖到这里":
        "Choose an Excel, WPS or CSV file, or drop the file here",
    "下载示例表格…": "Save Sample Sheet…",
    "保存一份示例表格（手机号、姓名、订单号），照着填写后导入":
        "Save a sample sheet (mobile, name, order number), fill it in the same way and import it",
    "把表格文件拖到这里，或点“导入表格…”": "Drop a spreadsheet here, or click “Import Sheet…”",
    "行": "Row",
    "字数 / 条数": "Chars / parts",
    "导出问题行…": "Export Problem Rows…",
    "收件人表格": "Recipient Sheet",
    "工作表：": "Sheet:",
    "手机号列：": "Mobile column:",
    "正在打开“{0}”…": "Opening “{0}”…",
    "（选择已保存的模板）": "(choose a saved template)",
    "（还没有保存的模板）": "(no saved templates yet)",
    "模板 {0} 已保存": "Template {0} saved",
    "先填写模板编号和模板内容": "Enter the template ID and text first",
    "这个模板已保存": "This template is saved",
    "保存到本机，下次可直接选用": "Save on this computer to pick it next time",
    "这个编号没有保存过": "No template is saved under this ID",
    "模板中用 {} 表示变量，按顺序由表格中的列填入":
        "Write {} for each variable; they are filled in order from the sheet's columns",
    "变量 {0} 个，固定文字 {1} 字": "{0} variable(s), {1} fixed characters",
    "选择收件人表格": "Choose a Recipient Sheet",
    "保存示例表格": "Save Sample Sheet",
    "Excel 工作簿": "Excel workbook",
    "找不到示例表格：安装文件不完整（缺少 resources/{0}），请重新安装。":
        "The sample sheet is missing: the installation is incomplete (no resources/{0}); please reinstall.",
    "没有权限写入这个位置，或文件正被其他程序（如 Excel）打开":
        "No permission to write there, or the file is open in another program (such as Excel)",
    "示例表格已保存到“{0}”。第一列填手机号，其后各列依次填入模板中的每个 {{}}，填好后点“导入表格…”。":
        "Sample sheet saved to “{0}”. Put mobile numbers in the first column and one column for each {{}} "
        "of the template after it, then click “Import Sheet…”.",
    "示例表格未能保存到“{0}”：{1}": "The sample sheet could not be saved to “{0}”: {1}",
    "，约 {0} 行": ", about {0} rows",
    "“{0}”：工作表“{1}”{2}": "“{0}”: sheet “{1}”{2}",
    "没有认出手机号所在的列，请在“手机号列”中选择": "No mobile number column found; choose it under “Mobile column”",
    "（请选择）": "(choose)",
    "变量{0} {{}}：": "Variable {0} {{}}:",
    "先导入表格": "Import a sheet first",
    "这个文件只有一个工作表": "This file has only one sheet",
    "请选择手机号所在的列": "Choose the mobile number column",
    "手机号列不能同时作为变量列": "The mobile column cannot also be a variable column",
    "{0} 字 / {1} 条": "{0} chars / {1} part(s)",
    "（先填写模板并为每个 {} 选择一列）": "(enter the template and choose a column for each {})",
    "（请为每个 {} 选择一列）": "(choose a column for each {})",
    "停止读取表格": "Stop reading the sheet",
    "正在读取“{0}”…": "Reading “{0}”…",
    "读取失败": "Reading failed",
    "已取消读取；修改列或重新导入可再次读取": "Reading cancelled; change a column or import again to read it again",
    "第 {0} 行：{1}": "Row {0}: {1}",
    "……共 {0} 行有问题": "…{0} rows with problems in all",
    "正在读取表格…": "Reading the sheet…",
    "共 {0} 行": "{0} rows",
    "将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条，分 {3} 批（每批最多 1000 个）":
        "Will send to {0} numbers, {1} part(s) each, {2} messages in all, {3} batch(es) of up to 1000",
    "{0}_问题行.xlsx": "{0}_problem_rows.xlsx",
    "导出问题行": "Export Problem Rows",
    "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)": "Excel workbook (*.xlsx);;CSV file (*.csv)",
    "停止导出": "Stop exporting",
    "正在导出问题行到“{0}”…": "Exporting problem rows to “{0}”…",
    "已导出问题行：{0}": "Problem rows exported: {0}",
    "导出失败": "Export failed",
    "已取消导出": "Export cancelled",
    "已写出 {0} 行": "{0} rows written",
    "请先填写模板内容": "Enter the template text first",
    "请先填写模板编号（联江平台上的模板编号）": "Enter the template ID first (the ID on the Lianjiang platform)",
    "请先导入收件人表格": "Import a recipient sheet first",
    "正在核算…": "Calculating…",
    "表格还没有读取完成": "The sheet has not been read completely yet",
    "正在处理表格，请稍候": "Working on the sheet, please wait",
    "没有无效的行（重复的行不需要修改）": "No invalid rows (duplicate rows need no fixing)",
    "把无效的行连同原因导出为表格，修改后重新导入": "Export the invalid rows with the reasons, fix them and import again",
    "模板群发：模板 {0}，表格“{1}”": "Template send: template {0}, sheet “{1}”",
    "模板 {0}（{1}）": "Template {0} ({1})",
    "表格已移除，以免重复安排。": "The sheet was removed so it is not scheduled twice.",
    "表格已移除，以免重复发送；要再次发送请重新导入。":
        "The sheet was removed so nothing is sent twice; import it again to send again.",
    " 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送。":
        " {0} numbers were sent; fix the problem and continue the rest from “Campaigns”.",
    "表格已移除，以免重复发送。": "The sheet was removed so nothing is sent twice.",
    # -- the error dialog (ui/errors.py) and Help → 关于 (ui/about.py) --------------------------------
    "程序出错了": "Something went wrong",
    "程序出错了（{0} 次）": "Something went wrong ({0} times)",
    "（日志文件无法写入）": "(the log file cannot be written)",
    "程序遇到了一个意外错误，已记录到日志。窗口仍可继续使用；正在进行的发送不受影响，进度已保存。\n"
    "如果问题反复出现，请点“复制详情”把内容发给技术支持。\n\n错误：{0}\n日志文件：{1}":
        "The program ran into an unexpected error; it has been written to the log. The window can still be "
        "used; a send under way is not affected and its progress is saved.\n"
        "If it happens again, click “Copy details” and send them to support.\n\nError: {0}\nLog file: {1}",
    "复制详情": "Copy details",
    "已复制": "Copied",
    "<b>联江短信桌面助手</b> {0}": "<b>Lianjiang SMS Desktop</b> {0}",
    "联江·云通讯短信群发、模板群发、状态报告与上行回复。":
        "SMS campaigns, template sends, delivery reports and replies on the Lianjiang cloud gateway.",
    "无可用的系统钥匙串：密码不保存": "No system keyring: the password is not kept",
    "系统钥匙串": "System keyring",
    "仅本次运行（内存）": "This run only (memory)",
    "打包程序": "bundle",
    "源代码": "source",
    "版本": "Version",
    "数据文件夹": "Data folder",
    "日志文件": "Log file",
    "密码保管": "Password storage",
    "复制": "Copy",
    # -- words from the layers below the window (ui/wording.py) ------------------------------------
    "中文": "English",  # the marker that tells wording.english() the English translator is on
    "待发送": "Ready",
    "发送中": "Sending",
    "已暂停": "Paused",
    "已停止": "Stopped",
    "已取消": "Cancelled",
    "已完成": "Done",
    "等待发送": "Waiting",
    "已发送": "Sent",
    # the campaign runner's notices and stop reasons (engine.notices, worded by wording.notice)
    "发现 {batches} 批在上次发送途中中断，已标记为“未知”（可能已发出，不会自动重发；收到其状态报告后自动改为已接收）":
        "{batches} batches were interrupted mid-request last time and are now \"unknown\" (they may have gone out; "
        "they are never resent automatically and turn accepted when their delivery reports arrive)",
    "网关繁忙，{seconds} 秒后重试": "The gateway is busy; trying again in {seconds} s",
    "无法连接网关（{message_zh}），{seconds} 秒后重试": "Cannot reach the gateway ({message_zh}); trying again in {seconds} s",
    "第 {seq} 批中有 {numbers} 个号码在计划后退订或被屏蔽，已跳过":
        "Batch {seq}: {numbers} numbers opted out or were blocked after planning and were skipped",
    "第 {seq} 批被网关拒绝：{message_zh}（代码 {code}），继续发送其余批次":
        "Batch {seq} was refused by the gateway: {message_zh} (code {code}); sending the other batches",
    "第 {seq} 批没有得到网关的明确回答，可能已发出：标记为“未知”，不会自动重发":
        "Batch {seq} got no clear answer from the gateway and may have gone out: marked \"unknown\", never resent automatically",
    "发送已停止：{reason}": "Sending stopped: {reason}",
    "用户暂停": "Paused by the user",
    "用户取消": "Cancelled by the user",
    "已在其他窗口或命令行中取消（{text}）": "Cancelled in another window or from the command line ({text})",
    "{message_zh}（代码 {code}）": "{message_zh} (code {code})",
    "网关繁忙；多次重试仍未成功，已停止，稍后可继续（resume）":
        "The gateway stayed busy through every retry; stopped. It can be resumed later",
    "无法连接网关（{message_zh}）；多次重试仍未成功，已停止，稍后可继续（resume）":
        "Cannot reach the gateway ({message_zh}) after every retry; stopped. It can be resumed later",
    "无法连接网关（{message_zh}）；没有发出任何短信，已停止，网络恢复后可继续（resume）":
        "Cannot reach the gateway ({message_zh}); nothing was sent. Stopped; resume once the network is back",
    "连续 {batches} 批请求没有得到网关的明确回答（可能已发出），已停止以免扩大影响；请检查网络后继续（resume），状态“未知”的批次不会重发":
        "{batches} requests in a row got no clear answer from the gateway (they may have gone out); stopped so as not "
        "to make it worse. Check the network, then resume; \"unknown\" batches are never resent",
    "连续 {batches} 批被网关以相同原因（代码 {code}）拒绝，已停止":
        "{batches} batches in a row were refused by the gateway for the same reason (code {code}); stopped",
    "{reason}（未发出任何短信，已关闭）": "{reason} (nothing was sent; closed)",
    # -- charts (ui/charts.py) -----------------------------------------------------------------------
    "暂无数据": "No data yet",
    "合计": "Total",
    "其余 {0} 项：{1}（{2}）": "{0} more: {1} ({2})",
    "{0}：{1}（{2}）": "{0}: {1} ({2})",
    "{0}：{1}": "{0}: {1}",
    "{0}天": "{0} d",
    "{0}小时": "{0} h",
    "{0}小时{1}分": "{0} h {1} min",
    "{0}分钟": "{0} min",
    "峰值 {0}": "Peak {0}",
    "失败·{0}": "Failed · {0}",
    "等待报告": "Awaiting report",
    "结果未知": "Outcome unknown",
    "网关拒收": "Refused by the gateway",
    "其他 {0} 种代码": "{0} other codes",
    "送达率 {0} · {1}": "Delivered {0} · {1}",
    # -- backups, restore, files that could not be used (ui/restore_dialog.py, wording) --------------
    "从备份恢复(&B)…": "Restore from &backup…",
    "数据文件已损坏": "The data file is damaged",
    "从最近的备份恢复": "Restore the newest backup",
    "选择备份…": "Choose a backup…",
    "稍后": "Later",
    "⚠ 有 {0} 项设置或定时发送无法使用，已改用默认值（点此查看）":
        "⚠ {0} settings or scheduled sends could not be used; defaults are in use (click for details)",
    "文件无法使用": "Files that could not be used",
    "打开设置": "Open settings",
    "已从备份恢复：{0}": "Restored from the backup {0}",
    "恢复前的数据已另存为 {0}": "The data before the restore was kept as {0}",
    "已从备份恢复": "Restored from a backup",
    "恢复失败": "The restore failed",
    "从备份恢复": "Restore from a backup",
    "恢复会用所选的备份替换当前数据（活动、报告、回复、屏蔽名单、模板）；当前数据会先另存为一份备份。恢复期间暂停拉取报告。":
        "Restoring replaces the current data (campaigns, reports, replies, suppression list, templates) with "
        "the chosen backup; the current data is first kept as a backup. Pulling reports pauses meanwhile.",
    "备份时间": "Taken at",
    "大小": "Size",
    "说明": "Note",
    "恢复": "Restore",
    "选择其他文件…": "Choose another file…",
    "正在读取备份…": "Reading the backups…",
    "恢复前的数据": "Data before a restore",
    "升级数据格式前": "Before a data format upgrade",
    "还没有备份：程序每天自动备份一次，保留最近 7 份。":
        "No backups yet: the program takes one a day and keeps the newest 7.",
    "选择备份文件": "Choose a backup file",
    "数据文件 (*.sqlite3 *.db);;所有文件 (*)": "Data files (*.sqlite3 *.db);;All files (*)",
    "用备份 {0} 替换当前数据？\n当前数据会先另存为一份备份。":
        "Replace the current data with the backup {0}?\nThe current data is first kept as a backup.",
    "正在恢复…": "Restoring…",
    "保存后设置文件将按下面的内容重写。": "Saving rewrites the settings file with the values below.",
    "拉取间隔": "Polling interval",
    "余额提醒": "Balance warning",
    "免打扰开始时间": "Quiet hours start",
    "免打扰结束时间": "Quiet hours end",
    "设置文件 settings.json 无法读取，已全部使用默认设置。":
        "The settings file settings.json cannot be read; all settings are at their defaults.",
    "设置文件 settings.json 的格式不对，已全部使用默认设置。":
        "The settings file settings.json is not laid out as expected; all settings are at their defaults.",
    "设置“{field}”的类型不对，已改用默认值。": "The setting “{field}” has the wrong type; its default is in use.",
    "设置“{field}”的取值无效，已改用默认值。": "The setting “{field}” has an unusable value; its default is in use.",
    "定时发送列表 schedules.json 无法读取，其中的定时发送不会执行。":
        "The schedule list schedules.json cannot be read; the sends in it will not run.",
    "定时发送列表中有 {count} 项无法读取，已跳过（不会执行）。":
        "{count} entries of the schedule list cannot be read and were skipped (they will not run).",
    "原文件已另存为 {path}": "The file as it was is kept as {path}",
    "数据文件是空的（0 字节）：{path}": "The data file is empty (0 bytes): {path}",
    "数据文件不完整（被截断）：{path}": "The data file is truncated: {path}",
    "为免丢失记录（包括屏蔽名单），程序没有新建空白的数据文件。":
        "To keep the records (and the suppression list), the program did not start an empty data file.",
    "最近的备份：{path}": "The newest backup: {path}",
    "没有找到备份。": "No backup was found.",
    "数据文件旁的 WAL 文件（{path}-wal）可能还保存着记录，请勿删除。":
        "The WAL file beside the data file ({path}-wal) may still hold records: do not delete it.",
    # -- 发送记录, the campaign detail, 重发, 退订名单, tray and F5 (issue 10) --------------------------------
    " · 测试发送": " · test send",
    "Excel 表格 (*.xlsx);;CSV 文件 (*.csv)": "Excel workbook (*.xlsx);;CSV file (*.csv)",
    "{0} · {1} · {2}{3}": "{0} · {1} · {2}{3}",
    "{0} 个号码在屏蔽名单中，不会发送": "{0} numbers are on the suppression list and will not be sent to",
    "{0}（{1} 个号码）": "{0} ({1} numbers)",
    "工作表“{0}”的名字看起来是退订/屏蔽名单。\n\n要把其中的号码加入屏蔽名单（以后不再发送给它们），而不是发送给它们吗？":
        "The sheet “{0}” is named like an opt-out / block list.\n\n"
        "Add its numbers to the suppression list (never send to them) instead of sending to them?",
    "移出后，以后的发送会再次发给这 {0} 个号码：{1}\n如果对方曾回复退订，再次发送可能引起投诉。\n\n请填写原因：":
        "Once removed, later sends reach these {0} numbers again: {1}\n"
        "If they had replied to opt out, sending again may cause complaints.\n\nThe reason:",
    "这 {0} 个号码所在的批次提交时没有收到网关答复，{1} 小时内也没有任何状态报告。\n\n"
    "风险：网关可能已经收下并发出了其中一部分，重发后这些号码会收到两次，并再次计费。\n\n"
    "确定要把它们作为一次新活动重发吗？":
        "The batches of these {0} numbers got no answer from the gateway, and no delivery report in {1} hours.\n\n"
        "Risk: the gateway may have taken and sent some of them; resent, those numbers get the message twice "
        "and are charged again.\n\nResend them as a new campaign?",
    "下一步": "Next",
    "个号码": "numbers",
    "仍然作为发送名单": "Send to them anyway",
    "从未发出的号码（被网关拒收或未发送的批次，{0} 个）": "Numbers never sent (refused or unsent batches, {0})",
    "从表格导入…": "Import a sheet…",
    "代码": "Code",
    "例如：客户电话要求不再发送": "e.g. the customer called and asked for no more messages",
    "先在列表中选择一次发送": "Select a campaign in the list first",
    "先在列表中选择号码": "Select numbers in the list first",
    "剩余批次不再发送；已发出的不受影响": "The remaining batches are never sent; what went out is not affected",
    "加入": "Add",
    "加入屏蔽名单": "Add to the suppression list",
    "加入时间": "Added",
    "原因": "Reason",
    "双击或按回车查看活动详情": "Double-click or press Enter for the campaign's detail",
    "发送到状态报告的时间：中位数 {0}，90% 在 {1} 以内": "Send to report: median {0}, 90% within {1}",
    "发送到状态报告的时间：还没有报告": "Send to report: no report yet",
    "发送完成：已提交 {0} 个号码": "Sent: {0} numbers accepted",
    "发送已停止": "The send stopped",
    "取消发送": "Cancel the campaign",
    "取消后，这次活动剩余的批次不会再发送（已发出的不受影响），且无法继续发送。确定取消吗？":
        "Cancelled, the campaign's remaining batches are never sent (what went out is not affected) and it cannot "
        "be resumed. Cancel it?",
    "另一次发送正在进行，请等它结束": "Another send is running: wait until it ends",
    "只发送从未发出的 {0} 个号码；结果未知的批次不会重发": "Sends only the {0} numbers that never went out; unknown batches are not resent",
    "只有“结果未知”且超过 {0} 小时仍无状态报告的批次才能重发":
        "Only batches whose outcome is unknown and that drew no report in {0} hours can be resent",
    "号码": "Numbers",
    "名单中的号码在每次发送时都会被跳过：回复退订（TD、退订…）和状态报告中的退订码会自动加入。":
        "Numbers on the list are skipped by every send: opt-out replies (TD, 退订…) and opt-out codes in delivery "
        "reports are added by themselves.",
    "名单是空的": "The list is empty",
    "回复退订": "Opt-out reply",
    "在当前请求完成后停止，剩余批次不再发送": "Stops after the request in flight; the remaining batches are never sent",
    "失败原因（状态代码）": "Failure reasons (status codes)",
    "导入号码到屏蔽名单": "Import numbers into the suppression list",
    "导出…": "Export…",
    "导出屏蔽名单": "Export the suppression list",
    "导出已取消": "Export cancelled",
    "导出结果": "Export results",
    "导出结果…": "Export results…",
    "屏蔽名单共 {0} 个号码": "{0} numbers on the suppression list",
    "已从表格加入 {0} 个号码": "Added {0} numbers from the sheet",
    "已加入 {0} 个号码": "Added {0} numbers",
    "已发出": "Sent",
    "已发出 %v / %m 个号码": "Sent %v / %m numbers",
    "已导出 {0} 个号码到 {1}": "Exported {0} numbers to {1}",
    "已提交": "Accepted",
    "已新建活动 #{0} 并发送：已提交 {1} 个号码": "Campaign #{0} created and sent: {1} numbers accepted",
    "已移出 {0} 个号码": "Removed {0} numbers",
    "我了解风险，重发": "I understand the risk: resend",
    "手动": "By hand",
    "手动添加": "Added by hand",
    "打开窗口": "Open the window",
    "找到 {0} 个号码": "{0} numbers found",
    "报告": "Reports",
    "提交时间": "Sent at",
    "搜索号码（可只输后几位）或原因": "Search a number (or its last digits) or a reason",
    "收件人 {0} · 已发出 {1} · 计费 {2} 条 · 已送达 {3} · 失败 {4} · 等待报告 {5} · 未知 {6} · 被拒 {7} · 送达率 {8}":
        "Recipients {0} · sent {1} · charged {2} · delivered {3} · failed {4} · awaiting {5} · unknown {6} · "
        "refused {7} · delivery rate {8}",
    "收到回复 {0} 条；退订 {1} 个（回复退订 {2}，状态报告退订码 {3}），已加入屏蔽名单":
        "{0} replies; {1} opt-outs ({2} by reply, {3} by report code), added to the suppression list",
    "新建一次活动，发送给失败或未发出的号码": "A new campaign to the numbers that failed or never went out",
    "无法读取活动 #{0}": "Cannot read campaign #{0}",
    "日期": "Day",
    "显示更多": "Show more",
    "显示测试发送": "Show test sends",
    "只看我的": "Only mine",
    "团队数据库已重新连接": "Team database reconnected",
    "⚠ 团队数据库连接中断": "⚠ Team database unreachable",
    "{0}\n已显示的内容仍可查看；发送会被拒绝并说明原因；连接恢复后自动刷新。":
        "{0}\nWhat is shown stays readable; sends are refused with the reason; everything refreshes once it is back.",
    "团队…": "Team…",
    "与同事共用一个数据库：数据库地址、测试连接、升级数据库":
        "Share one database with colleagues: its address, test the connection, migrate it",
    "团队（共用数据库）": "Team (shared database)",
    "同一账号的几位同事可以共用一个 PostgreSQL 数据库：每个人都能看到全部发送记录、状态报告和回复，"
    "同一批号码绝不会被两台电脑重复发送。留空则只用本机的数据文件。":
        "Colleagues on one account can share a PostgreSQL database: everyone sees every campaign, delivery report "
        "and reply, and no batch is ever sent by two computers. Leave it empty to keep this computer's own file.",
    "数据库地址": "Database address",
    "数据库密码（存入系统钥匙串；不修改请留空）": "Database password (kept in the system keyring; leave empty to keep it)",
    "数据库密码": "Database password",
    "升级数据库": "Migrate database",
    "建立或升级数据库中的表（其他电脑仍可同时使用）": "Create or upgrade the tables (other computers may keep using it)",
    "数据库地址应以 postgresql:// 开头，例如 postgresql://ljsms@192.168.1.10:5432/ljsms":
        "The address starts with postgresql://, e.g. postgresql://ljsms@192.168.1.10:5432/ljsms",
    "请先填写数据库地址。": "Enter the database address first.",
    "正在连接…": "Connecting…",
    "已保存，但现在连不上数据库：{0}。已显示的内容仍可查看，发送会被拒绝并说明原因。":
        "Saved, but the database cannot be reached now: {0}. What is shown stays readable; sends are refused "
        "with the reason.",
    "只显示本机当前用户创建的发送（团队共用数据库时）":
        "Only the sends this user created on this computer (when a team shares one database)",
    "普通群发": "Plain send",
    "有 {0} 个号码所在的批次提交时未收到网关答复（结果未知），超过 {1} 小时仍没有任何状态报告，很可能没有发出。"
    "可以用“重发未确认号码”再发一次，但其中一部分号码可能已经收到，会收到两次。":
        "{0} numbers are in batches the gateway never answered (outcome unknown) and have had no delivery report "
        "for over {1} hours: most likely they never went out. “Resend unconfirmed numbers” sends them again, but "
        "some may have received it and would get it twice.",
    "有一次发送正在进行。退出会在当前请求完成后暂停它，之后可在“发送记录”的活动详情中继续发送。确定退出吗？":
        "A send is running. Quitting pauses it after the request in flight; resume it later from its detail in "
        "Campaigns. Quit?",
    "有重复发送的风险：会先请您确认": "Risk of a double send: you are asked first",
    "未发送": "Not sent",
    "未移出：请填写原因": "Not removed: give a reason",
    "未设置账号，无法拉取报告": "No account set up: cannot pull reports",
    "来源": "Source",
    "查看详情": "Details",
    "正在发送这次活动": "This campaign is sending",
    "正在发送重发活动…": "Sending the resend campaign…",
    "正在取消：当前请求完成后停止": "Cancelling: stops after the request in flight",
    "正在导入 {0}…": "Importing {0}…",
    "正在导出": "Exporting",
    "正在导出 %p%": "Exporting %p%",
    "正在导出…": "Exporting…",
    "正在导出结果…": "Exporting results…",
    "正在拉取报告和回复…": "Pulling reports and replies…",
    "正在整理要重发的号码…": "Collecting the numbers to resend…",
    "正在继续发送…": "Resuming…",
    "正在读取…": "Reading…",
    "每个号码一行：状态、原因、报告时间、回复": "One row per number: status, reason, report time, reply",
    "每日汇总（不含测试发送）": "Per day (test sends left out)",
    "每行一个号码，或用逗号、空格分隔": "One number a line, or separated by commas or spaces",
    "没有可重发的失败号码（结果未知和等待报告的号码不会重发）":
        "No failed number to resend (numbers of unknown outcome or awaiting a report are never resent)",
    "活动{0}，无需取消": "The campaign is {0}: nothing to cancel",
    "活动{0}，没有可继续发送的批次": "The campaign is {0}: no batch left to send",
    "活动详情 #{0}": "Campaign #{0}",
    "添加…": "Add…",
    "状态报告退订码": "Opt-out report code",
    "移出名单…": "Remove…",
    "移出屏蔽名单": "Remove from the suppression list",
    "移出选中的 {0} 个号码": "Remove the {0} selected numbers",
    "窗口已隐藏到托盘：仍在接收状态报告和回复，定时发送会按时执行。右键托盘图标可退出。":
        "The window is hidden in the tray: reports and replies keep coming, schedules run on time. Right-click "
        "the tray icon to quit.",
    "立即拉取报告和回复": "Pull reports and replies now",
    "约 {0} 个号码（屏蔽名单中的号码会被跳过）": "About {0} numbers (numbers on the suppression list are skipped)",
    "结果": "Outcome",
    "结果不明的号码可能已经收到，不会重发": "Numbers without a clear outcome may have received it: never resent",
    "结果未知的批次和仍在等待状态报告的号码不会重发。": "Numbers of unknown batches and numbers still awaiting a report are never resent.",
    "结果未知：{0} 小时没有状态报告": "Outcome unknown: no report for {0} hours",
    "结果未知：等待状态报告确认，请勿重复发送": "Outcome unknown: waiting for reports to confirm, do not send again",
    "继续发送": "Resume",
    "联江短信桌面助手：仍在接收状态报告和回复": "Lianjiang SMS Desktop: still receiving reports and replies",
    "表格 (*.xlsx *.xls *.csv *.txt)": "Sheets (*.xlsx *.xls *.csv *.txt)",
    "被拒绝": "Refused",
    "计费条数": "Charged",
    "请至少选择一类号码": "Tick at least one kind of number",
    "读取屏蔽名单失败：{0}": "Could not read the suppression list: {0}",
    "运营商": "Carriers",
    "这像是一份退订名单": "This looks like an opt-out list",
    "这次活动没有号码": "The campaign has no numbers",
    "退出": "Quit",
    "退订名单": "Opt-outs",
    "送达": "Delivered",
    "送达随时间": "Delivery over time",
    "选择要重发的号码。将新建一次活动，内容与原活动相同（模板群发保留每个号码的变量）。":
        "Choose the numbers to resend. A new campaign is made with the same text (a template send keeps each "
        "number's values).",
    "重发失败号码": "Resend failed numbers",
    "重发失败号码…": "Resend failed numbers…",
    "重发未确认号码": "Resend unconfirmed numbers",
    "重发未确认号码…": "Resend unconfirmed numbers…",
    "重发未确认号码（可能重复发送）": "Resend unconfirmed numbers (may send twice)",
    "（其中测试发送 {0} 次{1}）": " ({0} test sends{1})",
    "，{0} 个原已在名单中": ", {0} were already on it",
    "，已隐藏": ", hidden",
    "，显示前 {0} 个": ", the first {0} shown",
    "：新建活动，原活动 #{0}": ": a new campaign, from campaign #{0}",
    "；{0} 行不是有效号码，已跳过": "; {0} rows were not valid numbers and were skipped",
    "；{0} 项不是有效号码：{1}": "; {0} entries were not valid numbers: {1}",
    "［测试］{0}": "[test] {0}",
    "失败（正在读取原因）": "Failed (reading the reasons)",
    "收到回复 {0} 条；没有退订": "{0} replies; no opt-outs",
    '重发自活动 <a href="{0}">#{0}</a>': 'Resends campaign <a href="{0}">#{0}</a>',
    " 小时": " h",
    "“结果未知”的批次超过这么久仍没有状态报告，活动详情会提示并提供“重发未确认号码”":
        "A batch of unknown outcome with no delivery report for this long: its campaign detail says so and offers "
        "“Resend unconfirmed numbers”",
    "未确认批次提醒": "Unconfirmed batches after",
    "未确认批次提醒时间": "Unconfirmed batches after",
}

# (context, source) -> English, where one context needs other words than the rest.
EN_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("ReportsTab", "发送记录"): "Campaign",      # a column: the campaign the message belongs to
    ("RepliesTab", "发送记录"): "Campaign",
    ("ConfirmSendDialog", "定时发送"): "Schedule",   # the OK button (the tab's checkbox says "Send later")
    ("CampaignsTab", "退订"): "Opt-outs",           # a count per campaign
    ("CampaignsView", "退订"): "Opt-outs",
    ("CampaignsView", "等待报告"): "Awaiting",       # narrow columns
    ("CampaignsView", "送达率"): "Rate",
    ("CampaignsView", "计费条数"): "Charged",
}

_TOKENS = re.compile(r"\{\{\}\}|\{\d*\}|<\/?b>|&(?=\w)")


def tokens(text: str) -> list[str]:
    """What a translation must keep: {0}-style fields, {} / {{}}, <b> tags and an & accelerator."""
    return sorted(_TOKENS.findall(text))


def english(context: str, source: str) -> str | None:
    return EN_IN_CONTEXT.get((context, source), EN.get(source))


def check_dictionary() -> list[str]:
    errors = []
    for (ctx, src), en in [((None, k), v) for k, v in EN.items()] + list(EN_IN_CONTEXT.items()):
        if tokens(src) != tokens(en):
            errors.append(f"{ctx or '*'}: {src!r} -> {en!r}: keeps {tokens(en)}, the source has {tokens(src)}")
    return errors


def fill(ts: Path) -> tuple[int, list[tuple[str, str]], set[str]]:
    """Write the English into *ts*. Returns (messages translated, untranslated (context, source), unused keys)."""
    tree = ET.parse(ts)
    done, missing, used = 0, [], set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            en = english(name, source)
            if en is not None:
                used.add(source)
                translation.text = en
                translation.attrib.pop("type", None)
            elif translation.text and translation.get("type") != "unfinished":
                pass  # made in Qt Linguist: kept
            else:
                missing.append((name, source))
                continue
            done += 1
    unused = set(EN) - used
    with open(ts, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return done, missing, unused


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("ts", nargs="?", type=Path, default=TS)
    p.add_argument("--strict", action="store_true", help="exit 1 when a source text has no English")
    args = p.parse_args(argv)
    errors = check_dictionary()
    if errors:
        print("translations_en.py: placeholders differ:\n  " + "\n  ".join(errors), file=sys.stderr)
        return 2
    done, missing, unused = fill(args.ts)
    print(f"{args.ts.name}: {done} messages translated, {len(missing)} untranslated")
    for ctx, src in missing:
        print(f"  untranslated [{ctx}] {src!r}: add it to scripts/translations_en.py", file=sys.stderr)
    if unused:
        print(f"  {len(unused)} entries no longer used by the UI: " + ", ".join(sorted(map(repr, unused))))
    return 1 if missing and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
