namespace Vms.Domain.Routing.Json;

/// <summary>The published JSON Schema (draft 2020-12) of a routing tree, served by the API for import/export.</summary>
public static class RoutingTreeSchema
{
    public const string Id = "https://vms.example/schemas/routing-tree-v1.json";

    public const string Text = """
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://vms.example/schemas/routing-tree-v1.json",
  "title": "VMS routing tree",
  "type": "object",
  "additionalProperties": false,
  "required": ["root", "nodes"],
  "properties": {
    "schemaVersion": { "const": 1 },
    "name": { "type": "string" },
    "timeZone": { "type": "string", "default": "Europe/Brussels", "description": "IANA time zone of the time rules." },
    "holidays": { "enum": ["BE", "none"], "default": "BE" },
    "closingDays": { "type": "array", "items": { "$ref": "#/$defs/date" } },
    "root": { "$ref": "#/$defs/id" },
    "sites": {
      "type": "array",
      "items": {
        "type": "object", "additionalProperties": false, "required": ["id"],
        "properties": { "id": { "$ref": "#/$defs/id" }, "name": { "type": "string" }, "maxCalls": { "type": "integer", "minimum": 1, "maximum": 100000 } }
      }
    },
    "nodes": { "type": "array", "maxItems": 1000, "items": { "$ref": "#/$defs/node" } }
  },
  "$defs": {
    "id": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$" },
    "ref": { "type": "string", "description": "The id of another node." },
    "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
    "time": { "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$" },
    "number": { "type": "string", "description": "Belgian number, national (02 123 45 67) or E.164 (+3221234567)." },
    "lineType": { "enum": ["fixed", "mobile"] },
    "node": {
      "type": "object",
      "required": ["id", "type"],
      "properties": { "type": { "enum": ["time", "caller", "called", "split", "menu", "forward", "announcement", "agentGroup", "voicemail", "reject"] } },
      "allOf": [
        { "if": { "properties": { "type": { "const": "time" } } }, "then": { "$ref": "#/$defs/timeNode" } },
        { "if": { "properties": { "type": { "const": "caller" } } }, "then": { "$ref": "#/$defs/callerNode" } },
        { "if": { "properties": { "type": { "const": "called" } } }, "then": { "$ref": "#/$defs/calledNode" } },
        { "if": { "properties": { "type": { "const": "split" } } }, "then": { "$ref": "#/$defs/splitNode" } },
        { "if": { "properties": { "type": { "const": "menu" } } }, "then": { "$ref": "#/$defs/menuNode" } },
        { "if": { "properties": { "type": { "const": "forward" } } }, "then": { "$ref": "#/$defs/forwardNode" } },
        { "if": { "properties": { "type": { "const": "announcement" } } }, "then": { "$ref": "#/$defs/announcementNode" } },
        { "if": { "properties": { "type": { "const": "agentGroup" } } }, "then": { "$ref": "#/$defs/agentGroupNode" } },
        { "if": { "properties": { "type": { "const": "voicemail" } } }, "then": { "$ref": "#/$defs/voicemailNode" } },
        { "if": { "properties": { "type": { "const": "reject" } } }, "then": { "$ref": "#/$defs/rejectNode" } }
      ]
    },
    "timeNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "otherwise"],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "type": { "const": "time" }, "label": { "type": "string" },
        "rules": { "type": "array", "items": {
          "type": "object", "additionalProperties": false, "required": ["next"],
          "properties": {
            "label": { "type": "string" },
            "days": { "type": "array", "items": { "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] } },
            "from": { "$ref": "#/$defs/time" }, "to": { "$ref": "#/$defs/time" },
            "dateFrom": { "$ref": "#/$defs/date" }, "dateTo": { "$ref": "#/$defs/date" },
            "next": { "$ref": "#/$defs/ref" } } } },
        "holiday": { "$ref": "#/$defs/ref", "description": "Taken on Belgian public holidays and closing days." },
        "otherwise": { "$ref": "#/$defs/ref" }
      }
    },
    "callerNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "otherwise"],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "type": { "const": "caller" }, "label": { "type": "string" },
        "rules": { "type": "array", "items": {
          "type": "object", "additionalProperties": false, "required": ["next"],
          "properties": {
            "label": { "type": "string" }, "withheld": { "type": "boolean" },
            "prefixes": { "type": "array", "items": { "type": "string" } },
            "countries": { "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z]{2}$" } },
            "zones": { "type": "array", "items": { "type": "string", "pattern": "^0?[0-9]{1,3}$" } },
            "lineType": { "$ref": "#/$defs/lineType" }, "list": { "type": "string" },
            "next": { "$ref": "#/$defs/ref" } } } },
        "otherwise": { "$ref": "#/$defs/ref" }
      }
    },
    "calledNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "otherwise"],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "type": { "const": "called" }, "label": { "type": "string" },
        "rules": { "type": "array", "items": {
          "type": "object", "additionalProperties": false, "required": ["numbers", "next"],
          "properties": { "label": { "type": "string" }, "numbers": { "type": "array", "items": { "$ref": "#/$defs/number" } }, "next": { "$ref": "#/$defs/ref" } } } },
        "otherwise": { "$ref": "#/$defs/ref" }
      }
    },
    "splitNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "branches"],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "type": { "const": "split" }, "label": { "type": "string" },
        "branches": { "type": "array", "minItems": 2, "items": {
          "type": "object", "additionalProperties": false, "required": ["weight", "next"],
          "properties": { "label": { "type": "string" }, "weight": { "type": "integer", "minimum": 0, "maximum": 1000000 }, "next": { "$ref": "#/$defs/ref" } } } }
      }
    },
    "menuNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "prompt", "options"],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "type": { "const": "menu" }, "label": { "type": "string" },
        "prompt": { "type": "string" },
        "options": { "type": "array", "minItems": 1, "items": {
          "type": "object", "additionalProperties": false, "required": ["digit", "next"],
          "properties": { "label": { "type": "string" }, "digit": { "type": "string", "pattern": "^[0-9*#]$" }, "next": { "$ref": "#/$defs/ref" } } } },
        "timeoutSeconds": { "type": "integer", "minimum": 1, "maximum": 60, "default": 5 },
        "maxRepeats": { "type": "integer", "minimum": 0, "maximum": 9, "default": 2 },
        "onTimeout": { "$ref": "#/$defs/ref" }, "onInvalid": { "$ref": "#/$defs/ref" }
      }
    },
    "forwardNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "number"],
      "properties": {
        "id": { "$ref": "#/$defs/id" }, "type": { "const": "forward" }, "label": { "type": "string" },
        "number": { "$ref": "#/$defs/number" }, "lineType": { "$ref": "#/$defs/lineType" },
        "ringTimeoutSeconds": { "type": "integer", "minimum": 5, "maximum": 300, "default": 20 },
        "presentedCli": { "enum": ["caller", "called", "number"], "default": "caller" },
        "presentedNumber": { "$ref": "#/$defs/number" },
        "site": { "type": "string" }, "maxCalls": { "type": "integer", "minimum": 1, "maximum": 100000 },
        "onBusy": { "$ref": "#/$defs/ref" }, "onNoAnswer": { "$ref": "#/$defs/ref" }, "onFailed": { "$ref": "#/$defs/ref" },
        "onCapacity": { "$ref": "#/$defs/ref" }, "onSiteDown": { "$ref": "#/$defs/ref" }, "default": { "$ref": "#/$defs/ref" }
      }
    },
    "announcementNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "prompt"],
      "properties": { "id": { "$ref": "#/$defs/id" }, "type": { "const": "announcement" }, "label": { "type": "string" }, "prompt": { "type": "string" }, "next": { "$ref": "#/$defs/ref" } }
    },
    "agentGroupNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "group"],
      "properties": { "id": { "$ref": "#/$defs/id" }, "type": { "const": "agentGroup" }, "label": { "type": "string" }, "group": { "type": "string" }, "next": { "$ref": "#/$defs/ref" } }
    },
    "voicemailNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type", "mailbox"],
      "properties": { "id": { "$ref": "#/$defs/id" }, "type": { "const": "voicemail" }, "label": { "type": "string" }, "mailbox": { "type": "string" }, "greeting": { "type": "string" } }
    },
    "rejectNode": {
      "type": "object", "additionalProperties": false, "required": ["id", "type"],
      "properties": { "id": { "$ref": "#/$defs/id" }, "type": { "const": "reject" }, "label": { "type": "string" }, "reason": { "enum": ["busy", "rejected", "unavailable"], "default": "busy" } }
    }
  }
}
""";
}
