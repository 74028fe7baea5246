; MSVC-style C++ exceptions (__CxxFrameHandler3 tables, _CxxThrowException) as clang emits them for
; x86_64-pc-windows-msvc; compiled with: llc-14 -O1 -filetype=obj eh.ll -o eh.o
target triple = "x86_64-pc-windows-msvc"

%rtti.TD2 = type { i8**, i8*, [3 x i8] }
%rtti.TD11 = type { i8**, i8*, [11 x i8] }
%rtti.TD14 = type { i8**, i8*, [14 x i8] }
%eh.CatchableType = type { i32, i32, i32, i32, i32, i32, i32 }
%eh.CTA1 = type { i32, [1 x i32] }
%eh.CTA2 = type { i32, [2 x i32] }
%eh.ThrowInfo = type { i32, i32, i32, i32 }

@__ImageBase = external dso_local constant i8
@"??_7type_info@@6B@" = linkonce_odr global i8* null
@"??_R0H@8" = linkonce_odr global %rtti.TD2 { i8** @"??_7type_info@@6B@", i8* null, [3 x i8] c".H\00" }
@"??_R0?AUBase@@@8" = linkonce_odr global %rtti.TD11 { i8** @"??_7type_info@@6B@", i8* null, [11 x i8] c".?AUBase@@\00" }
@"??_R0?AUDerived@@@8" = linkonce_odr global %rtti.TD14 { i8** @"??_7type_info@@6B@", i8* null, [14 x i8] c".?AUDerived@@\00" }

@CT_int = linkonce_odr unnamed_addr constant %eh.CatchableType { i32 1, i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%rtti.TD2* @"??_R0H@8" to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32), i32 0, i32 -1, i32 0, i32 4, i32 0 }, section ".xdata"
@CTA_int = linkonce_odr unnamed_addr constant %eh.CTA1 { i32 1, [1 x i32] [i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%eh.CatchableType* @CT_int to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32)] }, section ".xdata"
@TI_int = linkonce_odr unnamed_addr constant %eh.ThrowInfo { i32 0, i32 0, i32 0, i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%eh.CTA1* @CTA_int to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32) }, section ".xdata"

@CT_Derived = linkonce_odr unnamed_addr constant %eh.CatchableType { i32 0, i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%rtti.TD14* @"??_R0?AUDerived@@@8" to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32), i32 0, i32 -1, i32 0, i32 4, i32 0 }, section ".xdata"
@CT_Base = linkonce_odr unnamed_addr constant %eh.CatchableType { i32 0, i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%rtti.TD11* @"??_R0?AUBase@@@8" to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32), i32 0, i32 -1, i32 0, i32 4, i32 0 }, section ".xdata"
@CTA_Derived = linkonce_odr unnamed_addr constant %eh.CTA2 { i32 2, [2 x i32] [i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%eh.CatchableType* @CT_Derived to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32), i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%eh.CatchableType* @CT_Base to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32)] }, section ".xdata"
@TI_Derived = linkonce_odr unnamed_addr constant %eh.ThrowInfo { i32 0, i32 0, i32 0, i32 trunc (i64 sub nuw nsw (i64 ptrtoint (%eh.CTA2* @CTA_Derived to i64), i64 ptrtoint (i8* @__ImageBase to i64)) to i32) }, section ".xdata"

@msg_cleanup = private constant [28 x i8] c"  cleanup in WithCleanup()\0A\00"
@msg_int = private constant [16 x i8] c"caught int x = \00"
@msg_base = private constant [26 x i8] c"caught Base& with v = \00\00\00\00"
@msg_all = private constant [22 x i8] c"catch(...): rethrow\0A\00\00"
@msg_outer = private constant [30 x i8] c"outer catch(int) got x = \00\00\00\00\00"

declare void @_CxxThrowException(i8*, %eh.ThrowInfo*)
declare i32 @__CxxFrameHandler3(...)
declare void @Say(i8*)
declare void @SayNumber(i8*, i64)

define void @Throw(i32 %kind, i32 %v) noinline {
  %obj = alloca i32
  store i32 %v, i32* %obj
  %p = bitcast i32* %obj to i8*
  %is_int = icmp eq i32 %kind, 0
  br i1 %is_int, label %int, label %derived
int:
  call void @_CxxThrowException(i8* %p, %eh.ThrowInfo* @TI_int) noreturn
  unreachable
derived:
  call void @_CxxThrowException(i8* %p, %eh.ThrowInfo* @TI_Derived) noreturn
  unreachable
}

define void @WithCleanup(i32 %kind, i32 %v) noinline personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  invoke void @Throw(i32 %kind, i32 %v) to label %ok unwind label %cleanup
ok:
  ret void
cleanup:
  %c = cleanuppad within none []
  call void @Say(i8* getelementptr ([28 x i8], [28 x i8]* @msg_cleanup, i64 0, i64 0)) [ "funclet"(token %c) ]
  cleanupret from %c unwind to caller
}

; catch (Base &b) and catch (int x): returns what it caught
define i64 @CatchTyped(i32 %kind, i32 %v) personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %ref = alloca i32*
  %result = alloca i64
  store i64 -1, i64* %result
  invoke void @WithCleanup(i32 %kind, i32 %v) to label %done unwind label %cs
cs:
  %s = catchswitch within none [label %h_base, label %h_int] unwind to caller
h_base:
  %pb = catchpad within %s [%rtti.TD11* @"??_R0?AUBase@@@8", i32 8, i32** %ref]
  %bp = load i32*, i32** %ref
  %bv = load i32, i32* %bp
  %bv64 = sext i32 %bv to i64
  call void @SayNumber(i8* getelementptr ([26 x i8], [26 x i8]* @msg_base, i64 0, i64 0), i64 %bv64) [ "funclet"(token %pb) ]
  %bres = add i64 %bv64, 1000
  store i64 %bres, i64* %result
  catchret from %pb to label %done
h_int:
  %pi = catchpad within %s [%rtti.TD2* @"??_R0H@8", i32 0, i32* %x]
  %xv = load i32, i32* %x
  %xv64 = sext i32 %xv to i64
  call void @SayNumber(i8* getelementptr ([16 x i8], [16 x i8]* @msg_int, i64 0, i64 0), i64 %xv64) [ "funclet"(token %pi) ]
  store i64 %xv64, i64* %result
  catchret from %pi to label %done
done:
  %r = load i64, i64* %result
  ret i64 %r
}

; catch (...) { throw; } inside try { } catch (int x)
define i64 @Rethrow(i32 %v) personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  %x = alloca i32
  %result = alloca i64
  store i64 -1, i64* %result
  invoke void @Inner(i32 %v) to label %done unwind label %cs
cs:
  %s = catchswitch within none [label %h] unwind to caller
h:
  %p = catchpad within %s [%rtti.TD2* @"??_R0H@8", i32 0, i32* %x]
  %xv = load i32, i32* %x
  %xv64 = sext i32 %xv to i64
  call void @SayNumber(i8* getelementptr ([30 x i8], [30 x i8]* @msg_outer, i64 0, i64 0), i64 %xv64) [ "funclet"(token %p) ]
  store i64 %xv64, i64* %result
  catchret from %p to label %done
done:
  %r = load i64, i64* %result
  ret i64 %r
}

define void @Inner(i32 %v) noinline personality i8* bitcast (i32 (...)* @__CxxFrameHandler3 to i8*) {
entry:
  invoke void @WithCleanup(i32 0, i32 %v) to label %done unwind label %cs
cs:
  %s = catchswitch within none [label %h] unwind to caller
h:
  %p = catchpad within %s [i8* null, i32 64, i8* null]
  call void @Say(i8* getelementptr ([22 x i8], [22 x i8]* @msg_all, i64 0, i64 0)) [ "funclet"(token %p) ]
  call void @_CxxThrowException(i8* null, %eh.ThrowInfo* null) [ "funclet"(token %p) ]
  unreachable
done:
  ret void
}
